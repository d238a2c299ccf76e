package io.reroute.platform.enforcement.internal;

import io.r2dbc.spi.Readable;
import io.reroute.platform.billing.DataCap;
import io.reroute.platform.enforcement.EnforcementState;
import io.reroute.platform.enforcement.OverdueBalance;
import io.reroute.platform.enforcement.StateChangedEvent;
import io.reroute.platform.enforcement.SubscriberProfileChangedEvent;
import io.reroute.platform.enforcement.SubscriberQuotaEvent;
import io.reroute.platform.enforcement.SubscriberState;
import io.reroute.platform.enforcement.SubscriberTransition;
import io.reroute.platform.notification.NotificationQueue;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.workspace.EnforcementThresholds;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    private final DatabaseClient db;
    private final JsonMapper json;
    private final NotificationQueue notifications;
    private final GatewayCredentials credentials;
    private final OutboxRelay relay;

    EnforcementRepository(
            DatabaseClient db,
            JsonMapper json,
            NotificationQueue notifications,
            GatewayCredentials credentials,
            OutboxRelay relay) {
        this.db = db;
        this.json = json;
        this.notifications = notifications;
        this.credentials = credentials;
        this.relay = relay;
    }

    private static final String SUBSCRIBER_COLUMNS = "s.id, s.account_number, s.state, s.state_version,"
            + " s.profile_version, w.region, s.pppoe_username, s.pppoe_password_sealed, host(s.static_ipv4) AS ipv4,"
            + " host(s.static_ipv6) AS ipv6, s.delegated_prefix::text AS prefix, s.nas_id, p.upload_kbps,"
            + " p.download_kbps, p.data_allowance_bytes, p.cap_action, p.throttle_upload_kbps, p.throttle_download_kbps,"
            + " uc.published_remaining";
    private static final String FROM_SUBSCRIBERS = " FROM subscriber s JOIN workspace w ON w.id = s.workspace_id"
            + " JOIN plan p ON p.workspace_id = s.workspace_id AND p.id = s.plan_id"
            + " LEFT JOIN usage_cycle uc ON uc.workspace_id = s.workspace_id AND uc.subscriber_id = s.id AND NOT uc.closed";

    /** Open invoices of one subscriber due before {@code :day}; the placeholders name the subscriber. */
    private static final String OVERDUE = "SELECT coalesce(sum(i.amount), 0) AS amount, min(i.due_date) AS oldest"
            + " FROM invoice i WHERE i.workspace_id = %s AND i.subscriber_id = %s AND i.status = 'OPEN'"
            + " AND i.due_date < :day";

    /** The subscriber's enforcement view; with {@code lock}, the row stays locked until the transaction ends. */
    public Mono<LockedSubscriber> find(WorkspaceId workspace, UUID subscriber, boolean lock) {
        return db.sql("SELECT " + SUBSCRIBER_COLUMNS + FROM_SUBSCRIBERS
                        + " WHERE s.workspace_id = :workspace AND s.id = :id" + (lock ? " FOR UPDATE OF s" : ""))
                .bind("workspace", workspace.value())
                .bind("id", subscriber)
                .map(EnforcementRepository::readSubscriber)
                .one();
    }

    /** Every subscriber's enforcement state, by id, fetched in chunks so a large workspace streams. */
    public Flux<EnforcementState> states(WorkspaceId workspace) {
        return db.sql("SELECT " + SUBSCRIBER_COLUMNS + FROM_SUBSCRIBERS
                        + " WHERE s.workspace_id = :workspace ORDER BY s.id")
                .bind("workspace", workspace.value())
                .filter((statement, next) -> next.execute(statement.fetchSize(1000)))
                .map(row -> {
                    var s = readSubscriber(row);
                    return gatewayState(workspace, s, s.version(), s.state());
                })
                .all();
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
        return db.sql("SELECT " + SUBSCRIBER_COLUMNS + ", o.amount, o.oldest" + FROM_SUBSCRIBERS
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
        boolean capped = row.get("data_allowance_bytes", Long.class) != null;
        Integer throttleUp = row.get("throttle_upload_kbps", Integer.class);
        return new LockedSubscriber(
                row.get("id", UUID.class),
                row.get("account_number", String.class),
                SubscriberState.valueOf(row.get("state", String.class)),
                row.get("state_version", Long.class),
                row.get("profile_version", Long.class),
                row.get("region", String.class),
                row.get("pppoe_username", String.class),
                row.get("pppoe_password_sealed", String.class),
                row.get("ipv4", String.class),
                row.get("ipv6", String.class),
                row.get("prefix", String.class),
                row.get("nas_id", UUID.class),
                row.get("upload_kbps", Integer.class) + "k/" + row.get("download_kbps", Integer.class) + "k",
                capped ? row.get("cap_action", String.class) : null,
                capped && throttleUp != null
                        ? new DataCap.Throttle(row.get("throttle_download_kbps", Integer.class), throttleUp).rateLimit()
                        : null,
                capped ? row.get("published_remaining", Long.class) : null);
    }

    /** The gateway's view of a subscriber at {@code version}, standing at {@code state}. */
    private EnforcementState gatewayState(
            WorkspaceId workspace, LockedSubscriber s, long version, SubscriberState state) {
        return new EnforcementState(
                workspace,
                s.id(),
                s.accountNumber(),
                version,
                state,
                s.pppoeUsername(),
                s.staticIpv4(),
                s.staticIpv6(),
                s.delegatedPrefix(),
                s.nasId(),
                s.profileVersion(),
                credentials.pppoePassword(workspace, s.id(), s.region(), s.sealedPassword()),
                state == SubscriberState.CAPPED && s.throttleRateLimit() != null
                        ? s.throttleRateLimit()
                        : s.rateLimit(),
                s.capAction(),
                s.dataRemaining());
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
     * Moves each subscriber to its new state: the new state and version, the history rows, the outbox
     * events and the notifications they call for, in a constant number of statements, all in the
     * caller's transaction. The subscribers must be locked by that transaction.
     */
    public Mono<List<SubscriberTransition>> recordAll(
            WorkspaceId workspace, List<Change> changes, String actor, Instant at) {
        if (changes.isEmpty()) {
            return Mono.just(List.of());
        }
        int n = changes.size();
        var ids = new UUID[n];
        var versions = new Long[n];
        var previous = new Long[n];
        var from = new String[n];
        var to = new String[n];
        var reasons = new String[n];
        var payloads = new String[n];
        var transitions = new ArrayList<SubscriberTransition>(n);
        for (int i = 0; i < n; i++) {
            var change = changes.get(i);
            var subscriber = change.subscriber();
            var transition = new SubscriberTransition(
                    subscriber.version() + 1, subscriber.state(), change.to(), change.reason(), actor, at);
            transitions.add(transition);
            ids[i] = subscriber.id();
            versions[i] = transition.version();
            previous[i] = subscriber.version();
            from[i] = transition.from().name();
            to[i] = transition.to().name();
            reasons[i] = transition.reason();
            payloads[i] = json.writeValueAsString(new StateChangedEvent(
                    gatewayState(workspace, subscriber, transition.version(), transition.to()),
                    transition.from(),
                    transition.reason(),
                    actor,
                    at));
        }
        Mono<Long> updated = db.sql("UPDATE subscriber s SET state = c.state, state_version = c.version,"
                        + " state_changed_at = :at, updated_at = :at"
                        + " FROM unnest(:ids::uuid[], :to::text[], :versions::bigint[], :previous::bigint[])"
                        + " AS c(id, state, version, previous)"
                        + " WHERE s.workspace_id = :workspace AND s.id = c.id AND s.state_version = c.previous")
                .bind("at", at)
                .bind("ids", ids)
                .bind("to", to)
                .bind("versions", versions)
                .bind("previous", previous)
                .bind("workspace", workspace.value())
                .fetch()
                .rowsUpdated();
        return updated.flatMap(count -> count == n
                        ? Mono.empty()
                        : Mono.error(new IllegalStateException(
                                (n - count) + " subscriber(s) changed under a lock in workspace " + workspace)))
                .then(db.sql("INSERT INTO subscriber_transition"
                                + " (workspace_id, subscriber_id, version, from_state, to_state, reason, actor, occurred_at)"
                                + " SELECT :workspace, c.id, c.version, c.from_state, c.to_state, c.reason, :actor, :at"
                                + " FROM unnest(:ids::uuid[], :versions::bigint[], :from::text[], :to::text[], :reasons::text[])"
                                + " AS c(id, version, from_state, to_state, reason)")
                        .bind("workspace", workspace.value())
                        .bind("actor", actor)
                        .bind("at", at)
                        .bind("ids", ids)
                        .bind("versions", versions)
                        .bind("from", from)
                        .bind("to", to)
                        .bind("reasons", reasons)
                        .fetch()
                        .rowsUpdated())
                .then(db.sql("INSERT INTO outbox_event"
                                + " (workspace_id, region, subscriber_id, version, event_type, payload, created_at)"
                                + " SELECT :workspace, w.region, c.id, c.version, :type, c.payload::jsonb, :at"
                                + " FROM unnest(:ids::uuid[], :versions::bigint[], :payloads::text[]) WITH ORDINALITY"
                                + " AS c(id, version, payload, ord)"
                                + " JOIN workspace w ON w.id = :workspace ORDER BY c.ord")
                        .bind("workspace", workspace.value())
                        .bind("type", StateChangedEvent.TYPE)
                        .bind("at", at)
                        .bind("ids", ids)
                        .bind("versions", versions)
                        .bind("payloads", payloads)
                        .fetch()
                        .rowsUpdated())
                .then(relay.afterCommit(workspace))
                .then(notifications.enqueue(workspace, ids, transitions, at))
                .thenReturn(transitions);
    }

    /**
     * Puts a {@code subscriber.profile-changed} event with the subscriber's gateway view in the outbox,
     * in the caller's transaction, versioned by the subscriber's profile version.
     */
    public Mono<Void> recordProfileChanged(WorkspaceId workspace, UUID subscriber, Instant at) {
        return find(workspace, subscriber, true).flatMap(s -> db.sql("INSERT INTO outbox_event"
                        + " (workspace_id, region, subscriber_id, version, event_type, payload, created_at)"
                        + " SELECT w.id, w.region, :id, :version, :type, :payload::jsonb, :at FROM workspace w"
                        + " WHERE w.id = :workspace")
                .bind("workspace", workspace.value())
                .bind("id", subscriber)
                .bind("version", s.profileVersion())
                .bind("type", SubscriberProfileChangedEvent.TYPE)
                .bind(
                        "payload",
                        json.writeValueAsString(new SubscriberProfileChangedEvent(
                                gatewayState(workspace, s, s.version(), s.state()), at)))
                .bind("at", at)
                .fetch()
                .rowsUpdated()
                .then(relay.afterCommit(workspace)));
    }

    /**
     * Puts a {@code subscriber.quota} event per subscriber in the outbox, in the caller's transaction.
     * Gateways keep the latest they hear; the version only keeps the outbox's key unique.
     */
    public Mono<Void> recordQuotas(WorkspaceId workspace, List<SubscriberQuotaEvent> quotas) {
        if (quotas.isEmpty()) {
            return Mono.empty();
        }
        var ids = new UUID[quotas.size()];
        var payloads = new String[quotas.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = quotas.get(i).subscriberId();
            payloads[i] = json.writeValueAsString(quotas.get(i));
        }
        return db.sql("INSERT INTO outbox_event"
                        + " (workspace_id, region, subscriber_id, version, event_type, payload, created_at)"
                        + " SELECT :workspace, w.region, s.id, coalesce((SELECT max(o.version) FROM outbox_event o"
                        + " WHERE o.workspace_id = :workspace AND o.subscriber_id = s.id AND o.event_type = :type), 0) + 1,"
                        + " :type, c.payload::jsonb, :at"
                        + " FROM unnest(:ids::uuid[], :payloads::text[]) WITH ORDINALITY AS c(id, payload, ord)"
                        + " JOIN workspace w ON w.id = :workspace"
                        + " JOIN subscriber s ON s.workspace_id = :workspace AND s.id = c.id ORDER BY c.ord")
                .bind("workspace", workspace.value())
                .bind("type", SubscriberQuotaEvent.TYPE)
                .bind("at", quotas.getFirst().occurredAt())
                .bind("ids", ids)
                .bind("payloads", payloads)
                .fetch()
                .rowsUpdated()
                .then(relay.afterCommit(workspace));
    }

    /** The settings row stands for the workspace's whole gateway view (settings, allowlist, NAS clients). */
    Mono<Void> lockGatewayView(WorkspaceId workspace) {
        return db.sql("SELECT 1 FROM workspace_settings WHERE workspace_id = :workspace FOR UPDATE")
                .bind("workspace", workspace.value())
                .fetch()
                .first()
                .then();
    }

    /** Puts a workspace-wide event in the outbox, in the caller's transaction; it concerns no subscriber. */
    public Mono<Void> recordWorkspaceEvent(WorkspaceId workspace, String type, Object event, Instant at) {
        return db.sql("INSERT INTO outbox_event"
                        + " (workspace_id, region, subscriber_id, version, event_type, payload, created_at)"
                        + " SELECT w.id, w.region, NULL, 0, :type, :payload::jsonb, :at FROM workspace w"
                        + " WHERE w.id = :workspace")
                .bind("workspace", workspace.value())
                .bind("type", type)
                .bind("payload", json.writeValueAsString(event))
                .bind("at", at)
                .fetch()
                .rowsUpdated()
                .then(relay.afterCommit(workspace));
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

    /** A subscriber the scheduler may move, with what is overdue. */
    public record Candidate(LockedSubscriber subscriber, OverdueBalance overdue) {}

    /** One state change to record for a locked subscriber. */
    public record Change(LockedSubscriber subscriber, SubscriberState to, String reason) {}

    /**
     * The enforcement-relevant part of a subscriber, read under a row lock.
     *
     * @param sealedPassword the PPPoE password as sealed in the database
     * @param rateLimit the plan's speed as a MikroTik rate limit, {@code upload/download}
     * @param capAction the plan's action at its data cap; null without one
     * @param throttleRateLimit the speed at the cap of a throttling plan
     * @param dataRemaining what gateways were last told the subscriber has left
     */
    public record LockedSubscriber(
            UUID id,
            String accountNumber,
            SubscriberState state,
            long version,
            long profileVersion,
            String region,
            String pppoeUsername,
            String sealedPassword,
            String staticIpv4,
            String staticIpv6,
            String delegatedPrefix,
            UUID nasId,
            String rateLimit,
            String capAction,
            String throttleRateLimit,
            Long dataRemaining) {

        @Override
        public String toString() {
            return "LockedSubscriber[" + id + ", " + state + " v" + version + ", password hidden]";
        }
    }
}
