package io.reroute.platform.staff.internal;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Verifies ID tokens from the identity providers workspaces bring (configured in
 * {@code reroute.staff.identity-providers}): signature through the provider's published keys,
 * issuer, expiry, audience (the admin UI's client id) and a verified email address.
 */
@Component
public class IdentityProviderTokens {

    private final Map<String, StaffProperties.IdentityProvider> providers = new ConcurrentHashMap<>();
    private final Map<String, ReactiveJwtDecoder> decoders = new ConcurrentHashMap<>();

    IdentityProviderTokens(StaffProperties properties) {
        properties.identityProviders().forEach(provider -> providers.put(provider.issuer(), provider));
    }

    /** Who the provider says this is, for the workspace the provider is configured for. */
    public record Identity(String email, String workspaceSlug) {}

    /** The token is not one this platform accepts. */
    public static final class Rejected extends RuntimeException {

        Rejected(String message) {
            super(message);
        }
    }

    public Mono<Identity> verify(String idToken) {
        String issuer;
        try {
            issuer = JWTParser.parse(idToken).getJWTClaimsSet().getIssuer();
        } catch (ParseException | RuntimeException e) {
            return Mono.error(new Rejected("not a JWT"));
        }
        var provider = issuer == null ? null : providers.get(issuer);
        if (provider == null) {
            return Mono.error(new Rejected("no workspace signs in through this issuer"));
        }
        return decoder(provider)
                .flatMap(decoder -> decoder.decode(idToken))
                .onErrorMap(
                        e -> !(e instanceof Rejected),
                        e -> new Rejected("the ID token is not valid: " + e.getMessage()))
                .flatMap(jwt -> {
                    String email = jwt.getClaimAsString("email");
                    Boolean verified = jwt.getClaimAsBoolean("email_verified");
                    if (email == null || Boolean.FALSE.equals(verified)) {
                        return Mono.error(new Rejected("the ID token has no verified email"));
                    }
                    return Mono.just(
                            new Identity(email.strip().toLowerCase(java.util.Locale.ROOT), provider.workspace()));
                });
    }

    /** The provider's decoder, built on first use: discovery fetches its metadata over the network. */
    private Mono<ReactiveJwtDecoder> decoder(StaffProperties.IdentityProvider provider) {
        ReactiveJwtDecoder known = decoders.get(provider.issuer());
        if (known != null) {
            return Mono.just(known);
        }
        return Mono.fromCallable(() -> decoders.computeIfAbsent(provider.issuer(), issuer -> {
                    var decoder = (NimbusReactiveJwtDecoder) ReactiveJwtDecoders.fromIssuerLocation(issuer);
                    OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(
                            JwtClaimNames.AUD, aud -> aud != null && aud.contains(provider.clientId()));
                    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                            JwtValidators.createDefaultWithIssuer(issuer), audience));
                    return decoder;
                }))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(e -> new Rejected("the identity provider cannot be reached: " + e.getMessage()));
    }
}
