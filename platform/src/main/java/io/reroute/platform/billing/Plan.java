package io.reroute.platform.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A service plan: what a subscriber pays per cycle, the speed they get and, on a quota plan, their
 * data cap ({@code dataCap} null: unlimited data).
 */
public record Plan(
        UUID id,
        String name,
        BigDecimal price,
        String currency,
        BillingCycle billingCycle,
        int downloadKbps,
        int uploadKbps,
        DataCap dataCap,
        Instant createdAt) {

    public enum BillingCycle {
        MONTHLY,
        QUARTERLY,
        YEARLY
    }
}
