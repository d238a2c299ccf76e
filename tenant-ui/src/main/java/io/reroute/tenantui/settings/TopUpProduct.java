package io.reroute.tenantui.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Data sold on top of a plan's allowance; {@code validityDays} null: valid until used. */
record TopUpProduct(
        UUID id,
        String name,
        long bytes,
        BigDecimal price,
        String currency,
        Integer validityDays,
        boolean active,
        Instant createdAt) {

    /** The body of {@code POST /api/v1/top-up-products}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record New(String name, Long bytes, BigDecimal price, String currency, Integer validityDays) {}

    record Page(List<TopUpProduct> items) {}
}
