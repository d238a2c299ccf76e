package io.reroute.platform.router;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Something staff asked a router's gateways to do. A gateway of the region takes it within a
 * second and reports back; a job nobody took within the job timeout shows as {@code EXPIRED}.
 *
 * @param result what the gateway did or found: for {@code TEST} the router's identity and version,
 *     for {@code APPLY} the changes made, for {@code RECONCILE} the drift found and fixed
 */
public record RouterJob(
        UUID id,
        UUID routerId,
        Kind kind,
        Status status,
        String requestedBy,
        Instant requestedAt,
        Instant finishedAt,
        JsonNode result,
        String error) {

    public enum Kind {
        /** Log in and read the router's identity and version. */
        TEST,
        /** Make the router's tagged configuration what {@code GET .../script} shows. */
        APPLY,
        /** Compare the restricted address list and the tagged configuration with ours, and fix drift. */
        RECONCILE
    }

    public enum Status {
        PENDING,
        SUCCEEDED,
        FAILED,
        EXPIRED
    }
}
