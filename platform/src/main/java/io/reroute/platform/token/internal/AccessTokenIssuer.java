package io.reroute.platform.token.internal;

import io.jsonwebtoken.Jwts;
import io.reroute.platform.apiclient.AuthenticatedClient;
import io.reroute.platform.security.ApiScope;
import io.reroute.platform.security.SecurityProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Mints access tokens for API clients: ES256 JWTs carrying the workspace and the granted scopes. */
@Component
class AccessTokenIssuer {

    private final SigningKeyStore keys;
    private final SecurityProperties properties;
    private final Clock clock;

    AccessTokenIssuer(SigningKeyStore keys, SecurityProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<IssuedToken> issue(AuthenticatedClient client, Set<ApiScope> scopes) {
        return keys.signingKey().map(key -> {
            Instant now = clock.instant();
            Instant expires = now.plus(properties.tokenTtl());
            String scope = scopes.stream().map(ApiScope::value).sorted().collect(Collectors.joining(" "));
            String token = Jwts.builder()
                    .header()
                    .keyId(key.kid())
                    .and()
                    .issuer(properties.issuer())
                    .subject(client.clientId())
                    .audience()
                    .add(properties.audience())
                    .and()
                    .claim("client_id", client.clientId())
                    .claim(properties.workspaceClaim(), client.workspace().toString())
                    .claim("scope", scope)
                    .issuedAt(Date.from(now))
                    .notBefore(Date.from(now))
                    .expiration(Date.from(expires))
                    .id(UUID.randomUUID().toString())
                    .signWith(key.privateKey(), Jwts.SIG.ES256)
                    .compact();
            return new IssuedToken(token, properties.tokenTtl().toSeconds(), scope);
        });
    }

    record IssuedToken(String accessToken, long expiresInSeconds, String scope) {

        @Override
        public String toString() {
            return "IssuedToken[expiresIn=" + expiresInSeconds + ", scope=" + scope + ", accessToken=<hidden>]";
        }
    }
}
