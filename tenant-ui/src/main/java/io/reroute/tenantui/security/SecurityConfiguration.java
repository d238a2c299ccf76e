package io.reroute.tenantui.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.reroute.tenantui.shell.LoginView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Staff sign in with email and password (checked by the platform), or through their workspace's own
 * OpenID Connect provider when one is configured ({@code spring.security.oauth2.client.registration.*});
 * either way the session then holds a platform access token for that staff member.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain staffSecurity(
            HttpSecurity http, ObjectProvider<ClientRegistrationRepository> identityProviders, StaffSignIn signIn)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                .permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        if (identityProviders.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                    .successHandler((request, response, authentication) ->
                            exchangeIdToken(request, response, authentication, signIn))
                    .failureHandler(SecurityConfiguration::identityProviderFailed));
        }
        return http.build();
    }

    /** The provider vouched for the person; the platform decides whether they are staff, and of which workspace. */
    private static void exchangeIdToken(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication, StaffSignIn signIn)
            throws java.io.IOException {
        if (!(authentication.getPrincipal() instanceof OidcUser user)) {
            response.sendRedirect(request.getContextPath() + "/login?error=oidc");
            return;
        }
        Authentication staff;
        try {
            staff = signIn.signInWithIdToken(user.getIdToken().getTokenValue());
        } catch (AuthenticationException refused) {
            SecurityContextHolder.clearContext();
            request.getSession().invalidate();
            response.sendRedirect(request.getContextPath() + "/login?error=oidc");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(staff);
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
        response.sendRedirect(request.getContextPath() + "/");
    }

    private static void identityProviderFailed(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws java.io.IOException {
        response.sendRedirect(request.getContextPath() + "/login?error=oidc");
    }
}
