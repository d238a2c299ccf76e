package io.reroute.platform.usage;

import io.reroute.platform.billing.DataCap;
import io.reroute.platform.enforcement.SubscriberState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscriber's data in the current cycle.
 *
 * @param allowanceBytes the cycle's plan allowance; null on an unlimited plan
 * @param usedBytes everything counted this cycle, past the cap too
 * @param planUsedBytes the part of it the plan allowance covered
 * @param remainingBytes allowance, rollovers and top-ups left; null on an unlimited plan
 * @param percentUsed of the cycle's data, 100 only once nothing is left; null on an unlimited plan
 * @param resetsAt when the next cycle starts
 * @param capAction what happens at the cap; null on an unlimited plan
 * @param alerted thresholds (percent) already alerted this cycle
 * @param grants rollovers and top-ups with data left that have not expired, in the order they are used
 */
public record Usage(
        UUID subscriberId,
        SubscriberState state,
        Instant cycleStart,
        Instant resetsAt,
        Long allowanceBytes,
        long usedBytes,
        long planUsedBytes,
        Long remainingBytes,
        Integer percentUsed,
        DataCap.CapAction capAction,
        List<Integer> alerted,
        List<DataGrant> grants) {}
