package io.reroute.gateway.diagnosis.internal;

/**
 * One gateway's health as written to its region's hash ({@link DiagnosisKeys#gateways}); times in
 * epoch milliseconds, durations in seconds (millisecond precision), as the gateway's metrics give them.
 *
 * @param at when this report was written
 * @param startedAt when this gateway process started
 * @param loaded whether the region's state is loaded (from a snapshot or the saved state)
 */
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
