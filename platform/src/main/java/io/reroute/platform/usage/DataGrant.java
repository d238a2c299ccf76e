package io.reroute.platform.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Data on top of a cycle's plan allowance: a rollover carried from a cycle, or a top-up bought.
 *
 * @param expiresAt null: never expires
 * @param productId for top-ups, the product bought (null once the product is gone)
 * @param reference for top-ups, the payment's reference as given by whoever granted it
 */
public record DataGrant(
        UUID id,
        Kind kind,
        long bytes,
        long consumedBytes,
        Instant validFrom,
        Instant expiresAt,
        UUID productId,
        String productName,
        BigDecimal price,
        String currency,
        String reference,
        String actor,
        Instant createdAt) {

    public enum Kind {
        ROLLOVER,
        TOP_UP
    }

    public long remainingBytes() {
        return bytes - consumedBytes;
    }
}
