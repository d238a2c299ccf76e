package io.reroute.platform.security.internal;

import io.reroute.platform.apiclient.ClientRevocations;
import io.reroute.platform.security.SecurityProperties;
import io.reroute.platform.staff.StaffTokenCheck;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Validates bearer tokens against a JWKS URI, whoever issued them: the platform itself (its own
 * {@code /oauth2/jwks}) or an external identity provider named by configuration alone.
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(
            SecurityProperties properties,
            Environment environment,
            ClientRevocations revocations,
            StaffTokenCheck staff,
            Clock clock) {
        return new RevocationCheckingDecoder(
                new JwksUriDecoder(properties, environment, clock), properties, revocations, staff);
    }

    /** Issuer, expiry (on the platform's clock, the one tokens are issued by), workspace and audience. */
    static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties, Clock clock) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        var timestamps = new JwtTimestampValidator(Duration.ofSeconds(60));
        timestamps.setClock(clock);
        validators.add(timestamps);
        validators.add(new JwtIssuerValidator(properties.issuer()));
        validators.add(new JwtClaimValidator<Object>(properties.workspaceClaim(), JwtDecoderConfiguration::isUuid));
        if (!properties.audience().isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience())));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static boolean isUuid(Object value) {
        if (!(value instanceof String text) || text.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Builds the Nimbus decoder on first use: with the platform's own keys the JWKS URI is this very
     * server, whose port is only known once it listens.
     */
    static final class JwksUriDecoder implements ReactiveJwtDecoder {

        private final SecurityProperties properties;
        private final Environment environment;
        private final Clock clock;
        private volatile ReactiveJwtDecoder delegate;

        JwksUriDecoder(SecurityProperties properties, Environment environment, Clock clock) {
            this.properties = properties;
            this.environment = environment;
            this.clock = clock;
        }

        @Override
        public Mono<Jwt> decode(String token) {
            return delegate().decode(token);
        }

        private ReactiveJwtDecoder delegate() {
            ReactiveJwtDecoder current = delegate;
            if (current == null) {
                synchronized (this) {
                    if (delegate == null) {
                        String uri = properties.selfIssued()
                                ? "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port")
                                        + "/oauth2/jwks"
                                : properties.jwkSetUri();
                        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(uri)
                                .jwsAlgorithms(algorithms -> {
                                    algorithms.add(SignatureAlgorithm.ES256);
                                    algorithms.add(SignatureAlgorithm.RS256);
                                })
                                .build();
                        decoder.setJwtValidator(validator(properties, clock));
                        delegate = decoder;
                    }
                    current = delegate;
                }
            }
            return current;
        }
    }

    /** Rejects the platform's own tokens once their API client is revoked or their staff session ended. */
    static final class RevocationCheckingDecoder implements ReactiveJwtDecoder {

        private final ReactiveJwtDecoder delegate;
        private final SecurityProperties properties;
        private final ClientRevocations revocations;
        private final StaffTokenCheck staff;

        RevocationCheckingDecoder(
                ReactiveJwtDecoder delegate,
                SecurityProperties properties,
                ClientRevocations revocations,
                StaffTokenCheck staff) {
            this.delegate = delegate;
            this.properties = properties;
            this.revocations = revocations;
            this.staff = staff;
        }

        @Override
        public Mono<Jwt> decode(String token) {
            return delegate.decode(token).flatMap(jwt -> {
                String clientId = jwt.getClaimAsString("client_id");
                String staffId = jwt.getClaimAsString(StaffTokenCheck.STAFF_CLAIM);
                if (!properties.selfIssued() || (clientId == null && staffId == null)) {
                    return Mono.just(jwt);
                }
                var workspace = WorkspaceId.parse(jwt.getClaimAsString(properties.workspaceClaim()));
                if (staffId != null) {
                    return staff.stillValid(workspace, UUID.fromString(staffId), jwt.getIssuedAt())
                            .flatMap(valid -> valid
                                    ? Mono.just(jwt)
                                    : Mono.error(new BadJwtException("this staff session has ended")));
                }
                return revocations
                        .isRevoked(workspace, clientId)
                        .flatMap(revoked -> revoked
                                ? Mono.error(new BadJwtException("the API client of this token has been revoked"))
                                : Mono.just(jwt));
            });
        }
    }
}
