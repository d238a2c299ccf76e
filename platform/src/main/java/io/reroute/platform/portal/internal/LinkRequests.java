package io.reroute.platform.portal.internal;

import io.reroute.platform.tenancy.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps visitors from flooding a subscriber's inbox with new links: one per account and minute. */
@Component
class LinkRequests {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final ReactiveStringRedisTemplate redis;

    LinkRequests(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** True for the first request for this account within the window. */
    Mono<Boolean> firstWithinAMinute(WorkspaceId workspace, String accountNumber) {
        // The account number is what a visitor typed: encoded, so it cannot shape the key.
        String account =
                Base64.getUrlEncoder().withoutPadding().encodeToString(accountNumber.getBytes(StandardCharsets.UTF_8));
        return redis.opsForValue()
                .setIfAbsent("reroute:workspace:" + workspace + ":portal-link-request:" + account, "1", WINDOW)
                .defaultIfEmpty(false);
    }
}
