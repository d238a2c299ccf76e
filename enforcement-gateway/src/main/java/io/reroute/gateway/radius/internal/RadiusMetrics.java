package io.reroute.gateway.radius.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
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
        UNSUPPORTED_CODE,
        /** An Accounting-Request left unanswered because its update could not be queued for the platform. */
        ACCOUNTING_BACKLOG
    }

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    RadiusMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void answered(String kind, String outcome, UUID workspace) {
        String ws = tag(workspace);
        counters.computeIfAbsent("requests|" + kind + '|' + outcome + '|' + ws, key -> Counter.builder(
                                "reroute.gateway.radius.requests")
                        .tag("kind", kind)
                        .tag("outcome", outcome)
                        .tag("workspace", ws)
                        .register(meters))
                .increment();
    }

    void dropped(Drop reason, UUID workspace) {
        String ws = tag(workspace);
        String why = reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
        counters.computeIfAbsent("dropped|" + why + '|' + ws, key -> Counter.builder("reroute.gateway.radius.dropped")
                        .tag("reason", why)
                        .tag("workspace", ws)
                        .register(meters))
                .increment();
    }

    private static String tag(UUID workspace) {
        return workspace == null ? "none" : workspace.toString();
    }
}
