package io.reroute.platform.token;

import io.reroute.platform.security.ApiScope;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Mints the platform's own access tokens: ES256 JWTs for one workspace, with the granted scopes,
 * signed with the current signing key and checked by the resource server like any other.
 */
public interface AccessTokens {

    Mono<IssuedToken> issue(Grant grant);

    /**
     * What a token says.
     *
     * @param subject the {@code sub}, recorded as the actor of every change made with the token
     * @param claims further string claims, such as {@code client_id} or {@code staff_id}
     */
    record Grant(
            WorkspaceId workspace, String subject, Map<String, String> claims, Set<ApiScope> scopes, Duration ttl) {

        public Grant {
            claims = Map.copyOf(claims);
            scopes = Set.copyOf(scopes);
        }
    }

    /** A minted token; {@code scope} is the space-separated scope claim. */
    record IssuedToken(String accessToken, long expiresInSeconds, String scope) {

        @Override
        public String toString() {
            return "IssuedToken[expiresIn=" + expiresInSeconds + ", scope=" + scope + ", accessToken=<hidden>]";
        }
    }
}
