package io.reroute.platform.portal.internal;

import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Duration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps visitors from flooding a subscriber's inbox: one mail of each kind per account and minute. */
@Component
class MailThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final ReactiveStringRedisTemplate redis;

    MailThrottle(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** True for the first request of {@code kind} for this account within the window. */
    Mono<Boolean> firstWithinAMinute(WorkspaceId workspace, String kind, String accountNumber) {
        return redis.opsForValue()
                .setIfAbsent(AccountKeys.of(workspace, "mail-" + kind, accountNumber), "1", WINDOW)
                .defaultIfEmpty(false);
    }
}
