package io.reroute.tenantui.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A service plan: price per cycle, speed, and an optional data cap (null: unlimited data). */
record Plan(
        UUID id,
        String name,
        BigDecimal price,
        String currency,
        String billingCycle,
        int downloadKbps,
        int uploadKbps,
        DataCap dataCap,
        Instant createdAt) {

    static final List<String> CYCLES = List.of("MONTHLY", "QUARTERLY", "YEARLY");

    /**
     * @param cycleAnchor DAY_OF_MONTH (with cycleDay) or SIGNUP
     * @param capAction REDIRECT or THROTTLE (with throttle)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DataCap(
            Long allowanceBytes,
            String cycleAnchor,
            Integer cycleDay,
            Rollover rollover,
            List<Integer> alertThresholds,
            String capAction,
            Throttle throttle) {}

    record Rollover(Long maxBytes, Integer cycles) {}

    record Throttle(Integer downloadKbps, Integer uploadKbps) {}

    /** The body of {@code POST /api/v1/plans}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record New(
            String name,
            BigDecimal price,
            String currency,
            String billingCycle,
            Integer downloadKbps,
            Integer uploadKbps,
            DataCap dataCap) {}

    record Page(List<Plan> items) {}
}
