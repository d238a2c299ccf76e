package io.reroute.platform.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A service plan: what a subscriber pays per cycle and the speed they get. */
public record Plan(
        UUID id,
        String name,
        BigDecimal price,
        String currency,
        BillingCycle billingCycle,
        int downloadKbps,
        int uploadKbps,
        Instant createdAt) {

    public enum BillingCycle {
        MONTHLY,
        QUARTERLY,
        YEARLY
    }
}
