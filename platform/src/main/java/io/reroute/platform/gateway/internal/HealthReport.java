package io.reroute.platform.gateway.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A gateway's health as it writes it to its region's hash: times in epoch milliseconds, durations in
 * seconds. Newer gateways may write more.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record HealthReport(
        String instance,
        String region,
        long at,
        long startedAt,
        boolean loaded,
        int subscribers,
        double streamLagSeconds,
        double snapshotAgeSeconds,
        double stalenessSeconds) {}
