package io.reroute.gateway.radius.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One step of bringing an open session in line with a subscriber's new standing, reported to the
 * platform for the subscriber's enforcement history.
 *
 * @param id unique per attempt, so that the platform stores a replayed report once
 * @param version the subscriber's state version the attempt enforces
 * @param change {@code RESTRICT}, {@code RESTORE} or {@code RATE}
 * @param action {@code COA}, {@code DISCONNECT} or {@code ROUTER_API}
 * @param outcome {@code ACK}, {@code NAK}, {@code SESSION_GONE} (NAK with Error-Cause 503), {@code
 *     TIMEOUT}, {@code NO_SECRET} (the NAS's secret does not open here), {@code FAILED} (the
 *     router's API refused or was unreachable) or {@code UNAVAILABLE} (no way to take this step)
 * @param errorCause the NAK's Error-Cause (RFC 5176 §3.6), or null
 * @param attempts how often the request was sent
 */
record EnforcementAttempt(
        UUID id,
        UUID workspaceId,
        UUID subscriberId,
        long version,
        String change,
        UUID nasId,
        String sessionId,
        String action,
        String outcome,
        Integer errorCause,
        int attempts,
        Instant at) {}
