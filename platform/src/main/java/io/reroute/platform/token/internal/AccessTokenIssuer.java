package io.reroute.platform.token.internal;

import io.jsonwebtoken.Jwts;
import io.reroute.platform.security.ApiScope;
import io.reroute.platform.security.SecurityProperties;
import io.reroute.platform.token.AccessTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Mints access tokens for API clients and staff: ES256 JWTs carrying the workspace and the granted scopes. */
@Component
class AccessTokenIssuer implements AccessTokens {

    private final SigningKeyStore keys;
    private final SecurityProperties properties;
    private final Clock clock;

    AccessTokenIssuer(SigningKeyStore keys, SecurityProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Mono<IssuedToken> issue(Grant grant) {
        return keys.signingKey().map(key -> {
            Instant now = clock.instant();
            Instant expires = now.plus(grant.ttl());
            String scope = grant.scopes().stream().map(ApiScope::value).sorted().collect(Collectors.joining(" "));
            var token = Jwts.builder()
                    .header()
                    .keyId(key.kid())
                    .and()
                    .issuer(properties.issuer())
                    .subject(grant.subject())
                    .audience()
                    .add(properties.audience())
                    .and()
                    .claims(grant.claims())
                    .claim(properties.workspaceClaim(), grant.workspace().toString())
                    .claim("scope", scope)
                    .issuedAt(Date.from(now))
                    .notBefore(Date.from(now))
                    .expiration(Date.from(expires))
                    .id(UUID.randomUUID().toString())
                    .signWith(key.privateKey(), Jwts.SIG.ES256)
                    .compact();
            return new IssuedToken(token, grant.ttl().toSeconds(), scope);
        });
    }
}
