package io.reroute.platform.security;

import java.time.Duration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts failed attempts under a Redis key that expires a window after the first failure, so every
 * replica shares the count and it clears itself; the guessing throttles of the token endpoint and of
 * staff sign-in build on it. Callers put the workspace in the key.
 */
@Component
public class FailedAttempts {

    private final ReactiveStringRedisTemplate redis;

    FailedAttempts(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Seconds until {@code key} may try again after {@code maxFailures}; 0 when it may try now. */
    public Mono<Long> retryAfter(String key, int maxFailures) {
        return redis.opsForValue()
                .get(key)
                .flatMap(count -> Integer.parseInt(count) < maxFailures
                        ? Mono.just(0L)
                        : redis.getExpire(key).map(ttl -> Math.max(1, ttl.toSeconds())))
                .defaultIfEmpty(0L);
    }

    /** Counts one failure; the first one starts the window. */
    public Mono<Void> record(String key, Duration window) {
        return redis.opsForValue()
                .increment(key)
                .flatMap(count -> count == 1 ? redis.expire(key, window) : Mono.just(true))
                .then();
    }

    public Mono<Void> clear(String key) {
        return redis.delete(key).then();
    }
}
