package io.reroute.platform.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * A subscriber's usage crossed {@code threshold} percent of their data for the cycle that started
 * at {@code cycleStart}; the figures are what the message shows.
 *
 * @param threshold the plan's alert threshold that was crossed, 1 to 100 (percent)
 * @param percentUsed how much of the cycle's data is used now (percent; above 100 when usage went over)
 * @param usedBytes data used this cycle
 * @param remainingBytes data left this cycle, plan allowance and grants together; null when unknown
 * @param resetsAt when the next cycle starts
 * @param capped whether the subscriber is out of data and restricted until a top-up or the next cycle
 */
public record UsageAlert(
        UUID subscriberId,
        Instant cycleStart,
        int threshold,
        int percentUsed,
        long usedBytes,
        Long remainingBytes,
        Instant resetsAt,
        boolean capped) {

    public UsageAlert {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(cycleStart, "cycleStart");
        Objects.requireNonNull(resetsAt, "resetsAt");
        if (threshold < 1 || threshold > 100) {
            throw new IllegalArgumentException("threshold must be 1-100, not " + threshold);
        }
        if (percentUsed < 0 || usedBytes < 0 || (remainingBytes != null && remainingBytes < 0)) {
            throw new IllegalArgumentException("usage figures must not be negative");
        }
    }

    /**
     * The notification's version: the cycle's first day (UTC, days since 1970-01-01) times 1000 plus
     * the threshold, so the unique key lets each threshold alert once per cycle and channel.
     */
    long notificationVersion() {
        return cycleStart.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay() * 1000 + threshold;
    }
}
