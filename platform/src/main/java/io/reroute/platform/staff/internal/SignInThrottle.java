package io.reroute.platform.staff.internal;

import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Duration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Slows down password guessing: after {@link #MAX_ACCOUNT_FAILURES} failures for one staff account
 * within {@link #WINDOW} that account cannot sign in until the window passes. Counters live in Redis
 * under the account's workspace, so every replica shares them.
 */
@Component
public class SignInThrottle {

    public static final int MAX_ACCOUNT_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final ReactiveStringRedisTemplate redis;

    public SignInThrottle(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    public static String accountKey(WorkspaceId workspace, java.util.UUID staffId) {
        return "ws:" + workspace + ":staff-sign-in-failures:" + staffId;
    }

    /** Seconds to wait before {@code key} may try again; 0 when it may try now. */
    public Mono<Long> retryAfter(String key, int maxFailures) {
        return redis.opsForValue()
                .get(key)
                .flatMap(count -> Integer.parseInt(count) < maxFailures
                        ? Mono.just(0L)
                        : redis.getExpire(key).map(ttl -> Math.max(1, ttl.toSeconds())))
                .defaultIfEmpty(0L);
    }

    public Mono<Void> recordFailure(String key) {
        return redis.opsForValue()
                .increment(key)
                .flatMap(count -> count == 1 ? redis.expire(key, WINDOW) : Mono.just(true))
                .then();
    }

    public Mono<Void> clear(String key) {
        return redis.delete(key).then();
    }
}
