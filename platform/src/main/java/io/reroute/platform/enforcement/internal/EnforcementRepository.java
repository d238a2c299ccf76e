package io.reroute.platform.enforcement.internal;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import io.reroute.platform.enforcement.OverdueBalance;
import io.reroute.platform.enforcement.SubscriberState;
import io.reroute.platform.enforcement.SubscriberTransition;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.workspace.EnforcementThresholds;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The state columns of subscribers, their history and the outbox. Every call runs inside a
 * workspace transaction and names the workspace.
 */
@Repository
public class EnforcementRepository {

    static final String STATE_CHANGED = "subscriber.state-changed";

    private final DatabaseClient db;
    private final JsonMapper json;

    public EnforcementRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    private static final String SUBSCRIBER_COLUMNS = "s.id, s.account_number, s.state, s.state_version, w.region,"
            + " s.pppoe_username, host(s.static_ipv4) AS ipv4, host(s.static_ipv6) AS ipv6,"
            + " s.delegated_prefix::text AS prefix";

    /** Open invoices of one subscriber due before {@code :day}; the placeholders name the subscriber. */
    private static final String OVERDUE = "SELECT coalesce(sum(i.amount), 0) AS amount, min(i.due_date) AS oldest"
            + " FROM invoice i WHERE i.workspace_id = %s AND i.subscriber_id = %s AND i.status = 'OPEN'"
            + " AND i.due_date < :day";

    /** The subscriber's enforcement view; with {@code lock}, the row stays locked until the transaction ends. */
    public Mono<LockedSubscriber> find(WorkspaceId workspace, UUID subscriber, boolean lock) {
        return db.sql("SELECT " + SUBSCRIBER_COLUMNS + " FROM subscriber s JOIN workspace w ON w.id = s.workspace_id"
                        + " WHERE s.workspace_id = :workspace AND s.id = :id" + (lock ? " FOR UPDATE OF s" : ""))
                .bind("workspace", workspace.value())
                .bind("id", subscriber)
                .map(EnforcementRepository::readSubscriber)
                .one();
    }

    /** Open invoices due before {@code day}. */
    public Mono<OverdueBalance> overdue(WorkspaceId workspace, UUID subscriber, LocalDate day) {
        return db.sql(OVERDUE.formatted(":workspace", ":id"))
                .bind("workspace", workspace.value())
                .bind("id", subscriber)
                .bind("day", day)
                .map(EnforcementRepository::readOverdue)
                .one();
    }

    /**
     * The next {@code limit} subscribers after {@code after} that billing may move (anyone not ACTIVE,
     * and ACTIVE ones with something overdue), with their overdue balance, locked; rows another
     * transaction holds are skipped.
     */
    public Flux<Candidate> lockCandidates(WorkspaceId workspace, LocalDate day, UUID after, int limit) {
        return db.sql("SELECT " + SUBSCRIBER_COLUMNS + ", o.amount, o.oldest"
                        + " FROM subscriber s JOIN workspace w ON w.id = s.workspace_id"
                        + " CROSS JOIN LATERAL (" + OVERDUE.formatted("s.workspace_id", "s.id") + ") o"
                        + " WHERE s.workspace_id = :workspace AND s.id > :after"
                        + " AND s.state IN ('ACTIVE', 'WARNED', 'BLOCKED') AND (s.state <> 'ACTIVE' OR o.oldest IS NOT NULL)"
                        + " ORDER BY s.id LIMIT :limit FOR UPDATE OF s SKIP LOCKED")
                .bind("workspace", workspace.value())
                .bind("day", day)
                .bind("after", after)
                .bind("limit", limit)
                .map(row -> new Candidate(readSubscriber(row), readOverdue(row)))
                .all();
    }

    private static LockedSubscriber readSubscriber(Readable row) {
        return new LockedSubscriber(
                row.get("id", UUID.class),
                row.get("account_number", String.class),
                SubscriberState.valueOf(row.get("state", String.class)),
                row.get("state_version", Long.class),
                row.get("region", String.class),
                row.get("pppoe_username", String.class),
                row.get("ipv4", String.class),
                row.get("ipv6", String.class),
                row.get("prefix", String.class));
    }

    private static OverdueBalance readOverdue(Readable row) {
        return new OverdueBalance(row.get("amount", BigDecimal.class), row.get("oldest", LocalDate.class));
    }

    public Mono<EnforcementThresholds> thresholds(WorkspaceId workspace) {
        return db.sql("SELECT reminder_after_days, block_after_days, block_min_amount FROM workspace_settings"
                        + " WHERE workspace_id = :workspace")
                .bind("workspace", workspace.value())
                .map(row -> new EnforcementThresholds(
                        row.get("reminder_after_days", Integer.class),
                        row.get("block_after_days", Integer.class),
                        row.get("block_min_amount", BigDecimal.class)))
                .one();
    }

    /**
     * Moves the subscriber to {@code to}: the new state and version, the history row and the outbox
     * event, all in the caller's transaction.
     */
    public Mono<SubscriberTransition> record(
            WorkspaceId workspace,
            LockedSubscriber subscriber,
            SubscriberState to,
            String reason,
            String actor,
            Instant at) {
        long version = subscriber.version() + 1;
        var transition = new SubscriberTransition(version, subscriber.state(), to, reason, actor, at);
        return db.sql(
                        "UPDATE subscriber SET state = :state, state_version = :version, state_changed_at = :at, updated_at = :at"
                                + " WHERE workspace_id = :workspace AND id = :id AND state_version = :previous")
                .bind("state", to.name())
                .bind("version", version)
                .bind("at", at)
                .bind("workspace", workspace.value())
                .bind("id", subscriber.id())
                .bind("previous", subscriber.version())
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 1
                        ? Mono.empty()
                        : Mono.error(
                                new IllegalStateException("subscriber " + subscriber.id() + " changed under a lock")))
                .then(db.sql("INSERT INTO subscriber_transition"
                                + " (workspace_id, subscriber_id, version, from_state, to_state, reason, actor, occurred_at)"
                                + " VALUES (:workspace, :id, :version, :from, :to, :reason, :actor, :at)")
                        .bind("workspace", workspace.value())
                        .bind("id", subscriber.id())
                        .bind("version", version)
                        .bind("from", subscriber.state().name())
                        .bind("to", to.name())
                        .bind("reason", reason)
                        .bind("actor", actor)
                        .bind("at", at)
                        .fetch()
                        .rowsUpdated())
                .then(db.sql("INSERT INTO outbox_event"
                                + " (workspace_id, region, subscriber_id, version, event_type, payload, created_at)"
                                + " VALUES (:workspace, :region, :id, :version, :type, :payload, :at)")
                        .bind("workspace", workspace.value())
                        .bind("region", subscriber.region())
                        .bind("id", subscriber.id())
                        .bind("version", version)
                        .bind("type", STATE_CHANGED)
                        .bind("payload", Json.of(json.writeValueAsString(payload(workspace, subscriber, transition))))
                        .bind("at", at)
                        .fetch()
                        .rowsUpdated())
                .thenReturn(transition);
    }

    /** Newest first; {@code beforeVersion} pages back. */
    public Flux<SubscriberTransition> history(
            WorkspaceId workspace, UUID subscriber, int limit, Optional<Long> beforeVersion) {
        return db.sql("SELECT version, from_state, to_state, reason, actor, occurred_at FROM subscriber_transition"
                        + " WHERE workspace_id = :workspace AND subscriber_id = :id"
                        + beforeVersion.map(v -> " AND version < :before").orElse("")
                        + " ORDER BY version DESC LIMIT :limit")
                .bind("workspace", workspace.value())
                .bind("id", subscriber)
                .bind("limit", limit)
                .bindValues(beforeVersion
                        .map(v -> Map.<String, Object>of("before", v))
                        .orElse(Map.of()))
                .map(row -> new SubscriberTransition(
                        row.get("version", Long.class),
                        SubscriberState.valueOf(row.get("from_state", String.class)),
                        SubscriberState.valueOf(row.get("to_state", String.class)),
                        row.get("reason", String.class),
                        row.get("actor", String.class),
                        row.get("occurred_at", Instant.class)))
                .all();
    }

    /** What a gateway needs to enforce the new state without asking the platform anything. */
    private static Map<String, Object> payload(WorkspaceId workspace, LockedSubscriber s, SubscriberTransition t) {
        var payload = new java.util.LinkedHashMap<String, Object>();
        payload.put("workspaceId", workspace.toString());
        payload.put("subscriberId", s.id().toString());
        payload.put("accountNumber", s.accountNumber());
        payload.put("version", t.version());
        payload.put("state", t.to().name());
        payload.put("previousState", t.from().name());
        payload.put("reason", t.reason());
        payload.put("occurredAt", t.occurredAt().toString());
        payload.put("pppoeUsername", s.pppoeUsername());
        payload.put("staticIpv4", s.staticIpv4());
        payload.put("staticIpv6", s.staticIpv6());
        payload.put("delegatedPrefix", s.delegatedPrefix());
        return payload;
    }

    /** A subscriber the scheduler may move, with what is overdue. */
    public record Candidate(LockedSubscriber subscriber, OverdueBalance overdue) {}

    /** The enforcement-relevant part of a subscriber, read under a row lock. */
    public record LockedSubscriber(
            UUID id,
            String accountNumber,
            SubscriberState state,
            long version,
            String region,
            String pppoeUsername,
            String staticIpv4,
            String staticIpv6,
            String delegatedPrefix) {}
}
