package io.reroute.platform.usage.internal;

import io.reroute.platform.billing.DataCap;
import java.util.List;

/**
 * A subscriber's plan as the ledger applies it.
 *
 * @param allowance bytes per cycle; null: unlimited (usage is still counted)
 * @param rolloverMax null: no rollover
 * @param rateLimit the throttle speed at the cap as a MikroTik rate limit; null unless throttling
 */
record CapTerms(
        Long allowance,
        CycleCalendar calendar,
        Long rolloverMax,
        int rolloverCycles,
        List<Integer> thresholds,
        DataCap.CapAction action,
        String rateLimit) {

    boolean capped() {
        return allowance != null;
    }
}
