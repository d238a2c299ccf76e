package io.reroute.platform.security.internal;

import io.reroute.platform.security.ApiScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/** Stateless bearer-token security for the API, one scope rule per resource and method. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class ApiSecurityConfiguration {

    @Bean
    SecurityWebFilterChain apiSecurity(
            ServerHttpSecurity http, ReactiveJwtDecoder decoder, ProblemAuthenticationHandlers problems) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchange -> exchange.pathMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .pathMatchers("/oauth2/token", "/oauth2/jwks", "/.well-known/oauth-authorization-server")
                        .permitAll()
                        .pathMatchers(
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**")
                        .permitAll()
                        // Sign-in and opening a new workspace come before any token.
                        .pathMatchers(HttpMethod.POST, "/api/v1/staff/sign-in", "/api/v1/onboarding")
                        .permitAll()
                        // Payment providers sign their webhooks; the workspace's own secret checks them.
                        .pathMatchers(HttpMethod.POST, "/webhooks/stripe/*")
                        .permitAll()
                        // Any staff member's own account; an API client's token has none (404).
                        .pathMatchers("/api/v1/staff/me", "/api/v1/staff/me/**")
                        .authenticated()
                        .pathMatchers(HttpMethod.GET, "/api/v1/staff", "/api/v1/staff/**")
                        .hasAuthority(ApiScope.STAFF_READ.authority())
                        .pathMatchers("/api/v1/staff", "/api/v1/staff/**")
                        .hasAuthority(ApiScope.STAFF_WRITE.authority())
                        .pathMatchers(HttpMethod.GET, "/api/v1/dashboard")
                        .hasAuthority(ApiScope.SUBSCRIBERS_READ.authority())
                        .pathMatchers(HttpMethod.GET, "/api/v1/workspace/onboarding")
                        .hasAuthority(ApiScope.WORKSPACE_READ.authority())
                        .pathMatchers("/api/v1/workspace/onboarding/**", "/api/v1/workspace/test-mail")
                        .hasAuthority(ApiScope.WORKSPACE_WRITE.authority())
                        .pathMatchers(HttpMethod.POST, "/api/v1/subscribers/*/reminders")
                        .hasAuthority(ApiScope.SUBSCRIBERS_REMIND.authority())
                        .pathMatchers(HttpMethod.GET, "/api/v1/workspace", "/api/v1/workspace/settings")
                        .hasAuthority(ApiScope.WORKSPACE_READ.authority())
                        .pathMatchers("/api/v1/workspace", "/api/v1/workspace/settings")
                        .hasAuthority(ApiScope.WORKSPACE_WRITE.authority())
                        .pathMatchers(
                                HttpMethod.GET,
                                "/api/v1/workspace/link-keys",
                                "/api/v1/workspace/link-keys/**",
                                "/api/v1/workspace/mail-templates",
                                "/api/v1/workspace/mail-templates/**",
                                "/api/v1/workspace/payment-provider")
                        .hasAuthority(ApiScope.WORKSPACE_READ.authority())
                        .pathMatchers(
                                "/api/v1/workspace/link-keys",
                                "/api/v1/workspace/link-keys/**",
                                "/api/v1/workspace/mail-templates",
                                "/api/v1/workspace/mail-templates/**",
                                "/api/v1/workspace/payment-provider")
                        .hasAuthority(ApiScope.WORKSPACE_WRITE.authority())
                        .pathMatchers(HttpMethod.GET, "/api/v1/workspace/allowlist", "/api/v1/workspace/allowlist/**")
                        .hasAuthority(ApiScope.ALLOWLIST_READ.authority())
                        .pathMatchers("/api/v1/workspace/allowlist", "/api/v1/workspace/allowlist/**")
                        .hasAuthority(ApiScope.ALLOWLIST_WRITE.authority())
                        .pathMatchers(HttpMethod.GET, "/api/v1/workspace/audit-events")
                        .hasAuthority(ApiScope.AUDIT_READ.authority())
                        .pathMatchers(HttpMethod.GET, "/api/v1/api-clients", "/api/v1/api-clients/**")
                        .hasAuthority(ApiScope.API_CLIENTS_READ.authority())
                        .pathMatchers("/api/v1/api-clients", "/api/v1/api-clients/**")
                        .hasAuthority(ApiScope.API_CLIENTS_WRITE.authority())
                        .pathMatchers(
                                HttpMethod.GET,
                                "/api/v1/plans",
                                "/api/v1/plans/**",
                                "/api/v1/top-up-products",
                                "/api/v1/top-up-products/**")
                        .hasAuthority(ApiScope.PLANS_READ.authority())
                        .pathMatchers(
                                "/api/v1/plans",
                                "/api/v1/plans/**",
                                "/api/v1/top-up-products",
                                "/api/v1/top-up-products/**")
                        .hasAuthority(ApiScope.PLANS_WRITE.authority())
                        // The simulator changes nothing.
                        .pathMatchers(HttpMethod.POST, "/api/v1/subscribers/*/simulate-usage")
                        .hasAuthority(ApiScope.SUBSCRIBERS_READ.authority())
                        .pathMatchers(HttpMethod.GET, "/api/v1/subscribers", "/api/v1/subscribers/**")
                        .hasAuthority(ApiScope.SUBSCRIBERS_READ.authority())
                        .pathMatchers("/api/v1/subscribers", "/api/v1/subscribers/**")
                        .hasAuthority(ApiScope.SUBSCRIBERS_WRITE.authority())
                        .pathMatchers(HttpMethod.GET, "/api/v1/invoices", "/api/v1/invoices/**")
                        .hasAuthority(ApiScope.INVOICES_READ.authority())
                        .pathMatchers("/api/v1/invoices", "/api/v1/invoices/**")
                        .hasAuthority(ApiScope.INVOICES_WRITE.authority())
                        .pathMatchers(HttpMethod.GET, "/api/v1/payments", "/api/v1/payments/**")
                        .hasAuthority(ApiScope.PAYMENTS_READ.authority())
                        .pathMatchers("/api/v1/payments", "/api/v1/payments/**")
                        .hasAuthority(ApiScope.PAYMENTS_WRITE.authority())
                        .pathMatchers(
                                HttpMethod.GET,
                                "/api/v1/nas-clients",
                                "/api/v1/nas-clients/**",
                                "/api/v1/routers",
                                "/api/v1/routers/**",
                                "/api/v1/sessions")
                        .hasAuthority(ApiScope.NETWORK_READ.authority())
                        .pathMatchers(
                                "/api/v1/nas-clients",
                                "/api/v1/nas-clients/**",
                                "/api/v1/routers",
                                "/api/v1/routers/**")
                        .hasAuthority(ApiScope.NETWORK_WRITE.authority())
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(decoder))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }
}
