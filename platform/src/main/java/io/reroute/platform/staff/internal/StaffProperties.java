package io.reroute.platform.staff.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff sign-in.
 *
 * @param sessionTtl how long a staff token (a UI session at most) lasts; the UI also ends idle sessions
 * @param identityProviders workspaces' own OpenID Connect providers whose ID tokens sign staff in
 */
@ConfigurationProperties("reroute.staff")
public record StaffProperties(Duration sessionTtl, List<IdentityProvider> identityProviders) {

    public StaffProperties {
        sessionTtl = sessionTtl == null ? Duration.ofHours(8) : sessionTtl;
        identityProviders = identityProviders == null ? List.of() : List.copyOf(identityProviders);
    }

    /**
     * One workspace's identity provider.
     *
     * @param issuer the provider's issuer URL (its keys are found through OpenID discovery)
     * @param clientId the admin UI's client id at that provider: ID tokens must be issued to it
     * @param workspace the slug of the workspace whose staff sign in through it
     */
    public record IdentityProvider(String issuer, String clientId, String workspace) {}
}
