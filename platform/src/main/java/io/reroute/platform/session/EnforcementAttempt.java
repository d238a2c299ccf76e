package io.reroute.platform.session;

import java.time.Instant;
import java.util.UUID;

/**
 * One step a gateway took to bring an open session of the subscriber in line with a state change.
 *
 * @param change {@code RESTRICT} (into the expired profile), {@code RESTORE} or {@code RATE} (a new
 *     plan rate)
 * @param stateVersion the subscriber's state version the step enforced
 * @param action {@code COA}, {@code DISCONNECT} or {@code ROUTER_API}
 * @param outcome {@code ACK}; {@code NAK} (with its RFC 5176 {@code errorCause}); {@code
 *     SESSION_GONE} (the NAS no longer had the session); {@code TIMEOUT} (no answer after {@code
 *     attempts} sends); {@code NO_SECRET} (the gateway could not open the NAS's secret); {@code
 *     FAILED} (the router's API refused the step or could not be reached); {@code UNAVAILABLE} (no
 *     way to take the step, such as the RouterOS API without a router that is the NAS)
 * @param nasId null once the NAS client was removed
 */
public record EnforcementAttempt(
        UUID id,
        UUID subscriberId,
        String change,
        long stateVersion,
        UUID nasId,
        String sessionId,
        String action,
        String outcome,
        Integer errorCause,
        int attempts,
        String region,
        Instant attemptedAt) {}
