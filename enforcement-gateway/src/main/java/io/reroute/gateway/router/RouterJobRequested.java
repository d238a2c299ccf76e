package io.reroute.gateway.router;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * Staff asked the region's gateways to test, apply or reconcile a router; every gateway of the
 * region hears it on the stream and one of them does it.
 *
 * @param kind {@code TEST}, {@code APPLY} or {@code RECONCILE}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RouterJobRequested(UUID jobId, UUID workspaceId, UUID routerId, String kind, Instant occurredAt) {

    /** The stream entry's {@code type}. */
    public static final String TYPE = "router.job-requested";
}
