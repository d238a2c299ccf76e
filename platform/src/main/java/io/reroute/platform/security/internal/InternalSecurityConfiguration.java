package io.reroute.platform.security.internal;

import io.reroute.platform.security.InternalClient;
import io.reroute.platform.security.InternalClientsProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * {@code /internal/**}: for the platform's own gateway and portal processes, never for workspace
 * tokens. HTTP Basic with per-region gateway secrets; a gateway sees only its own region.
 */
@Configuration(proxyBeanMethods = false)
class InternalSecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain internalSecurity(
            ServerHttpSecurity http, InternalClientsProperties properties, ProblemAuthenticationHandlers problems) {
        var authentication = new InternalClientAuthentication(properties.secretsByName());
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/internal/**"))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .httpBasic(
                        basic -> basic.authenticationManager(authentication).authenticationEntryPoint(problems.basic()))
                .authorizeExchange(exchange -> exchange.pathMatchers("/internal/regions/{region}/**")
                        .access((auth, context) -> auth.<AuthorizationResult>map(
                                        a -> new AuthorizationDecision(a.getPrincipal() instanceof InternalClient client
                                                && client.role() == InternalClient.Role.GATEWAY
                                                && client.region()
                                                        .equals(context.getVariables()
                                                                .get("region"))))
                                .defaultIfEmpty(new AuthorizationDecision(false)))
                        .pathMatchers("/internal/reminder-links/**", "/internal/portal/**")
                        .hasRole(InternalClient.Role.PORTAL.name())
                        .anyExchange()
                        .denyAll())
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(problems.basic()).accessDeniedHandler(problems.internal()))
                .build();
    }

    /** Constant-time comparison of secret digests; unknown names cost the same as wrong secrets. */
    static final class InternalClientAuthentication implements ReactiveAuthenticationManager {

        private final Map<String, byte[]> digests = new HashMap<>();

        InternalClientAuthentication(Map<String, String> secrets) {
            secrets.forEach((name, secret) -> digests.put(name, digest(secret)));
        }

        @Override
        public Mono<org.springframework.security.core.Authentication> authenticate(
                org.springframework.security.core.Authentication authentication) {
            String name = authentication.getName();
            Object credentials = authentication.getCredentials();
            byte[] presented = digest(credentials == null ? "" : credentials.toString());
            byte[] expected = digests.getOrDefault(name, new byte[presented.length]);
            if (!MessageDigest.isEqual(presented, expected) || !digests.containsKey(name)) {
                return Mono.error(new BadCredentialsException("unknown internal client or wrong secret"));
            }
            var client = name.equals(InternalClient.PORTAL_NAME)
                    ? new InternalClient(name, InternalClient.Role.PORTAL, null)
                    : new InternalClient(name, InternalClient.Role.GATEWAY, name.substring(name.indexOf('.') + 1));
            return Mono.just(UsernamePasswordAuthenticationToken.authenticated(
                    client,
                    null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + client.role().name()))));
        }

        private static byte[] digest(String secret) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
