package io.reroute.gateway.radius.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RADIUS requests by outcome and workspace ({@code reroute.gateway.radius.requests}), and dropped
 * packets by reason ({@code reroute.gateway.radius.dropped}, with the workspace when the NAS is known).
 */
final class RadiusMetrics {

    /** Why a packet got no answer; RFC 2865 and 2866 say to drop these silently. */
    enum Drop {
        UNKNOWN_NAS,
        SECRET_UNAVAILABLE,
        MALFORMED,
        BAD_AUTHENTICATOR,
        MISSING_MESSAGE_AUTHENTICATOR,
        UNSUPPORTED_CODE
    }

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    RadiusMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void answered(String kind, String outcome, UUID workspace) {
        counter("reroute.gateway.radius.requests", "kind", kind, "outcome", outcome, workspace)
                .increment();
    }

    void dropped(Drop reason, UUID workspace) {
        counter(
                        "reroute.gateway.radius.dropped",
                        "reason",
                        reason.name().toLowerCase().replace('_', '-'),
                        null,
                        null,
                        workspace)
                .increment();
    }

    private Counter counter(String name, String k1, String v1, String k2, String v2, UUID workspace) {
        String ws = workspace == null ? "none" : workspace.toString();
        String key = name + '|' + v1 + '|' + v2 + '|' + ws;
        return counters.computeIfAbsent(key, k -> {
            var builder = Counter.builder(name).tag(k1, v1).tag("workspace", ws);
            if (k2 != null) {
                builder.tag(k2, v2);
            }
            return builder.register(meters);
        });
    }
}
