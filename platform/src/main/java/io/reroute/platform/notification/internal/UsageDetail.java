package io.reroute.platform.notification.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.reroute.platform.notification.UsageAlert;
import java.time.Instant;

/**
 * A usage alert's figures as its notification row keeps them ({@code detail}, JSON), written when
 * queued and read when the message is rendered. Unknown fields are ignored, so a replica on an older
 * release still reads what a newer one wrote.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageDetail(
        Instant cycleStart,
        int threshold,
        int percentUsed,
        long usedBytes,
        Long remainingBytes,
        Instant resetsAt,
        boolean capped) {

    public static UsageDetail of(UsageAlert alert) {
        return new UsageDetail(
                alert.cycleStart(),
                alert.threshold(),
                alert.percentUsed(),
                alert.usedBytes(),
                alert.remainingBytes(),
                alert.resetsAt(),
                alert.capped());
    }
}
