package io.reroute.platform.dashboard.internal;

import io.reroute.platform.enforcement.SubscriberState;
import io.reroute.platform.tenancy.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The dashboard's figures, each one query over the workspace's own rows. */
@Repository
class DashboardRepository {

    /** How long before a restore a payment counts as the one that restored (paying restores at once). */
    private static final String PAYMENT_WINDOW = "interval '1 minute'";

    private final DatabaseClient db;

    DashboardRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Map<SubscriberState, Long>> subscribersByState(WorkspaceId workspace) {
        return db.sql("SELECT state, count(*) AS n FROM subscriber WHERE workspace_id = :workspace GROUP BY state")
                .bind("workspace", workspace.value())
                .map(row ->
                        Map.entry(SubscriberState.valueOf(row.get("state", String.class)), row.get("n", Long.class)))
                .all()
                .collect(
                        () -> {
                            var counts = new EnumMap<SubscriberState, Long>(SubscriberState.class);
                            for (SubscriberState state : SubscriberState.values()) {
                                counts.put(state, 0L);
                            }
                            return counts;
                        },
                        (counts, entry) -> counts.put(entry.getKey(), entry.getValue()))
                .map(counts -> (Map<SubscriberState, Long>) counts);
    }

    record Overdue(BigDecimal amount, long subscribers) {}

    Mono<Overdue> overdue(WorkspaceId workspace, LocalDate today) {
        return db.sql("SELECT coalesce(sum(amount), 0) AS amount, count(DISTINCT subscriber_id) AS subscribers"
                        + " FROM invoice WHERE workspace_id = :workspace AND status = 'OPEN' AND due_date < :today")
                .bind("workspace", workspace.value())
                .bind("today", today)
                .map(row -> new Overdue(row.get("amount", BigDecimal.class), row.get("subscribers", Long.class)))
                .one();
    }

    record Today(long blocked, long capped, long restored) {}

    Mono<Today> today(WorkspaceId workspace, Instant since) {
        return db.sql("SELECT count(*) FILTER (WHERE to_state = 'BLOCKED') AS blocked,"
                        + " count(*) FILTER (WHERE to_state = 'CAPPED') AS capped,"
                        + " count(*) FILTER (WHERE from_state IN ('BLOCKED', 'SUSPENDED', 'CAPPED')"
                        + " AND to_state IN ('ACTIVE', 'WARNED')) AS restored"
                        + " FROM subscriber_transition WHERE workspace_id = :workspace AND occurred_at >= :since")
                .bind("workspace", workspace.value())
                .bind("since", since)
                .map(row -> new Today(
                        row.get("blocked", Long.class), row.get("capped", Long.class), row.get("restored", Long.class)))
                .one();
    }

    record Restored(
            UUID subscriberId,
            String accountNumber,
            String name,
            Instant at,
            String reason,
            UUID paymentId,
            BigDecimal paymentAmount) {}

    Mono<List<Restored>> restored(WorkspaceId workspace, Instant since, int limit) {
        return db.sql("SELECT t.subscriber_id, s.account_number, s.name, t.occurred_at, t.reason, p.id AS payment_id,"
                        + " p.amount FROM subscriber_transition t"
                        + " JOIN subscriber s ON s.workspace_id = t.workspace_id AND s.id = t.subscriber_id"
                        + " LEFT JOIN LATERAL (SELECT id, amount FROM payment p WHERE p.workspace_id = t.workspace_id"
                        + " AND p.subscriber_id = t.subscriber_id AND p.received_at <= t.occurred_at"
                        + " AND p.received_at > t.occurred_at - " + PAYMENT_WINDOW
                        + " ORDER BY p.received_at DESC LIMIT 1) p ON true"
                        + " WHERE t.workspace_id = :workspace AND t.occurred_at >= :since"
                        + " AND t.from_state IN ('BLOCKED', 'SUSPENDED', 'CAPPED') AND t.to_state IN ('ACTIVE', 'WARNED')"
                        + " ORDER BY t.occurred_at DESC LIMIT :limit")
                .bind("workspace", workspace.value())
                .bind("since", since)
                .bind("limit", limit)
                .map(row -> new Restored(
                        row.get("subscriber_id", UUID.class),
                        row.get("account_number", String.class),
                        row.get("name", String.class),
                        row.get("occurred_at", Instant.class),
                        row.get("reason", String.class),
                        row.get("payment_id", UUID.class),
                        row.get("amount", BigDecimal.class)))
                .all()
                .collectList();
    }

    record Failure(
            Instant at,
            UUID subscriberId,
            String accountNumber,
            String action,
            String change,
            String outcome,
            Integer errorCause,
            UUID nasId,
            String acctSessionId) {}

    /** Enforcement steps that did not reach the subscriber's session (a gone session is not a failure). */
    Mono<List<Failure>> failures(WorkspaceId workspace, Instant since, int limit) {
        return db.sql("SELECT a.attempted_at, a.subscriber_id, s.account_number, a.action, a.change, a.outcome,"
                        + " a.error_cause, a.nas_id, a.session_id FROM enforcement_attempt a"
                        + " JOIN subscriber s ON s.workspace_id = a.workspace_id AND s.id = a.subscriber_id"
                        + " WHERE a.workspace_id = :workspace AND a.attempted_at >= :since"
                        + " AND a.outcome NOT IN ('ACK', 'SESSION_GONE')"
                        + " ORDER BY a.attempted_at DESC LIMIT :limit")
                .bind("workspace", workspace.value())
                .bind("since", since)
                .bind("limit", limit)
                .map(row -> new Failure(
                        row.get("attempted_at", Instant.class),
                        row.get("subscriber_id", UUID.class),
                        row.get("account_number", String.class),
                        row.get("action", String.class),
                        row.get("change", String.class),
                        row.get("outcome", String.class),
                        row.get("error_cause", Integer.class),
                        row.get("nas_id", UUID.class),
                        row.get("session_id", String.class)))
                .all()
                .collectList();
    }
}
