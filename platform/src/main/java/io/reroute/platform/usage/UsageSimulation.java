package io.reroute.platform.usage;

import io.reroute.platform.enforcement.SubscriberState;
import java.time.Instant;
import java.util.List;

/**
 * What would happen if the subscriber used {@code bytes} more right now. Nothing is changed.
 *
 * @param alerts thresholds (percent) that would alert, by the subscriber's alert channels
 * @param stateAfter where the subscriber would stand afterwards
 * @param capAfterBytes after how many of the bytes the cap would be reached; null if it would not
 * @param rateLimitAtCap with a throttling plan, the speed at the cap (MikroTik {@code upload/download})
 * @param restoredAt when a capped subscriber would be back without a top-up: the next cycle
 */
public record UsageSimulation(
        long bytes,
        Instant at,
        SubscriberState stateNow,
        SubscriberState stateAfter,
        Long remainingBefore,
        Long remainingAfter,
        Integer percentUsedAfter,
        List<Integer> alerts,
        Long capAfterBytes,
        String rateLimitAtCap,
        Instant restoredAt,
        String summary) {}
