package io.reroute.tenantui.security;

import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.platform.PlatformUnavailableException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs staff in at the platform, which checks passwords (and ID tokens of a workspace's own
 * identity provider), throttles guessing and issues the access token the UI then calls it with.
 * The UI stores no credentials of its own.
 */
@Component
public class StaffSignIn implements AuthenticationProvider {

    private final PlatformApi platform;
    private final Clock clock;

    StaffSignIn(PlatformApi platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = authentication.getName();
        Object password = authentication.getCredentials();
        if (email == null
                || email.isBlank()
                || password == null
                || password.toString().isEmpty()) {
            throw new BadCredentialsException("Enter your email and password.");
        }
        return signIn(Map.of("email", email.strip(), "password", password.toString()));
    }

    /** Exchanges an ID token from a workspace's own identity provider for a platform session. */
    public Authentication signInWithIdToken(String idToken) {
        return signIn(Map.of("idToken", idToken));
    }

    /** Signs in with the platform's answer to sign-in or to opening a new workspace. */
    public Authentication authenticated(SignedIn answer) {
        var staff = answer.staff();
        Set<String> scopes = answer.scope() == null || answer.scope().isBlank()
                ? Set.of()
                : Set.of(answer.scope().strip().split(" +"));
        var principal = new StaffPrincipal(
                staff.id(),
                staff.workspaceId(),
                answer.workspace() != null ? answer.workspace().displayName() : "",
                staff.email(),
                staff.displayName(),
                staff.role(),
                scopes,
                answer.accessToken(),
                clock.instant().plusSeconds(Math.max(0, answer.expiresIn() - 30)));
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + staff.role()));
        scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    private Authentication signIn(Map<String, String> credentials) {
        try {
            SignedIn answer = platform.anonymous(HttpMethod.POST, "/api/v1/staff/sign-in")
                    .body(credentials)
                    .as(SignedIn.class);
            return authenticated(answer);
        } catch (ApiProblem problem) {
            if (problem.status() == 429) {
                throw new LockedException(problem.getMessage());
            }
            throw new BadCredentialsException(problem.getMessage());
        } catch (PlatformUnavailableException e) {
            throw new AuthenticationServiceException(e.getMessage(), e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The platform's sign-in answer. */
    public record SignedIn(String accessToken, long expiresIn, String scope, Staff staff, Workspace workspace) {

        @Override
        public String toString() {
            return "SignedIn[staff=" + staff + ", scope=" + scope + ", accessToken=<hidden>]";
        }
    }

    public record Staff(UUID id, UUID workspaceId, String email, String displayName, String role) {}

    public record Workspace(UUID id, String slug, String displayName) {}
}
