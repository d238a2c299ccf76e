package io.reroute.platform.gateway;

import java.time.Instant;

/**
 * One enforcement gateway of a region as it last reported itself (every few seconds, through
 * Redis).
 *
 * @param instance the gateway process: its host (pod) name and a random suffix, new at each start
 * @param lastSeenAt when it last reported
 * @param startedAt when the process started
 * @param streamLagSeconds how far its applied position is behind the region stream's newest entry
 * @param snapshotAgeSeconds since it last loaded the region snapshot
 * @param stalenessSeconds since the region stream last answered it
 * @param subscribers subscribers it holds
 * @param loaded whether it holds its region's state at all (it enforces nothing until then)
 * @param healthy seen lately, loaded, and keeping up with the stream; see {@link GatewayHealth}
 */
public record GatewayStatus(
        String instance,
        String region,
        Instant lastSeenAt,
        Instant startedAt,
        double streamLagSeconds,
        double snapshotAgeSeconds,
        double stalenessSeconds,
        int subscribers,
        boolean loaded,
        boolean healthy) {}
