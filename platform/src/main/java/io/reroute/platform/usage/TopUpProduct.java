package io.reroute.platform.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Data a workspace sells on top of a plan's allowance.
 *
 * @param validityDays how long a purchase lasts; null: until used
 * @param active whether it can still be bought (purchases made stay valid)
 */
public record TopUpProduct(
        UUID id,
        String name,
        long bytes,
        BigDecimal price,
        String currency,
        Integer validityDays,
        boolean active,
        Instant createdAt) {}
