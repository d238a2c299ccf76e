package io.reroute.platform.notification;

import java.time.Instant;
import java.util.UUID;

/** TEMPORARY stand-in until the usage-alerts branch is merged. */
public record UsageAlert(
        UUID subscriberId,
        Instant cycleStart,
        int threshold,
        int percentUsed,
        long usedBytes,
        Long remainingBytes,
        Instant resetsAt,
        boolean capped) {}
