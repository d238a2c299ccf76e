package io.reroute.platform.token.internal;

import io.reroute.platform.apiclient.ApiClients;
import java.time.Duration;
import java.util.Optional;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Slows down secret guessing: after {@link #MAX_FAILURES} failed attempts for one client within
 * {@link #WINDOW}, that client gets no token until the window passes. Counters live in Redis under the
 * client's workspace, so every replica shares them. Unknown client ids have nothing to guess.
 */
@Component
class TokenThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final ReactiveStringRedisTemplate redis;
    private final ApiClients clients;

    TokenThrottle(ReactiveStringRedisTemplate redis, ApiClients clients) {
        this.redis = redis;
        this.clients = clients;
    }

    /** Seconds to wait when the client is locked out, empty when it may try. */
    Mono<Optional<Long>> check(String clientId) {
        return key(clientId)
                .flatMap(key -> redis.opsForValue()
                        .get(key)
                        .flatMap(count -> Integer.parseInt(count) < MAX_FAILURES
                                ? Mono.just(Optional.<Long>empty())
                                : redis.getExpire(key).map(ttl -> Optional.of(Math.max(1, ttl.toSeconds())))))
                .defaultIfEmpty(Optional.empty());
    }

    Mono<Void> recordFailure(String clientId) {
        return key(clientId)
                .flatMap(key -> redis.opsForValue()
                        .increment(key)
                        .flatMap(count -> count == 1 ? redis.expire(key, WINDOW) : Mono.just(true)))
                .then();
    }

    private Mono<String> key(String clientId) {
        return clients.workspaceOf(clientId).map(workspace -> "ws:" + workspace + ":token-failures:" + clientId);
    }
}
