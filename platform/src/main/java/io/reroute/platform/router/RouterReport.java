package io.reroute.platform.router;

import java.time.Instant;
import java.util.UUID;

/**
 * What a gateway reports after working on a router: a job's outcome, or a periodic reconciliation
 * ({@code jobId} null).
 *
 * @param result a JSON object: what was found or changed
 */
public record RouterReport(
        UUID routerId,
        UUID jobId,
        RouterJob.Kind kind,
        boolean succeeded,
        Instant at,
        String identity,
        String routerOsVersion,
        String error,
        String result) {}
