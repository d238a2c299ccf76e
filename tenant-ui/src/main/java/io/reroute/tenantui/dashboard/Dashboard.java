package io.reroute.tenantui.dashboard;

import io.reroute.tenantui.subscriber.SubscriberState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code GET /api/v1/dashboard}: the workspace at a glance. */
record Dashboard(
        String currency,
        Map<SubscriberState, Long> subscribersByState,
        Overdue overdue,
        Today today,
        List<Restored> restoredToday,
        List<Gateway> gateways,
        List<EnforcementFailure> enforcementFailures) {

    record Overdue(BigDecimal amount, long subscribers) {}

    record Today(Instant since, long blocked, long capped, long restored) {}

    /** A subscriber whose restriction ended today; the payment when one did it. */
    record Restored(
            UUID subscriberId,
            String accountNumber,
            String name,
            Instant at,
            String reason,
            UUID paymentId,
            BigDecimal paymentAmount) {}

    record Gateway(
            String instance,
            String region,
            Instant lastSeenAt,
            Double streamLagSeconds,
            Double snapshotAgeSeconds,
            Boolean loaded,
            boolean healthy) {}

    /** A CoA, Disconnect or router API step that did not bring a session in line. */
    record EnforcementFailure(
            Instant at,
            UUID subscriberId,
            String accountNumber,
            String action,
            String change,
            String outcome,
            Integer errorCause,
            UUID nasId,
            String acctSessionId) {}
}
