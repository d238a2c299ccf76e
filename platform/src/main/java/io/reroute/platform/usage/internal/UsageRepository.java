package io.reroute.platform.usage.internal;

import io.r2dbc.spi.Readable;
import io.reroute.platform.billing.DataCap;
import io.reroute.platform.enforcement.SubscriberState;
import io.reroute.platform.sql.ArrayLiteral;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.usage.DataGrant;
import io.reroute.platform.usage.TopUpProduct;
import io.reroute.platform.usage.UsageDelta;
import io.reroute.platform.usage.internal.Account.Grant;
import io.reroute.platform.usage.internal.Account.OpenCycle;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Usage cycles, data grants and top-up products. Every call runs inside a workspace transaction and
 * names the workspace; a ledger's accounts are read and written in a constant number of statements
 * however many subscribers a batch of accounting touches.
 */
@Repository
public class UsageRepository {

    private static final String GRANT_COLUMNS =
            "g.id, g.subscriber_id, g.kind, g.bytes, g.consumed_bytes, g.valid_from,"
                    + " g.expires_at, g.source_cycle_start, g.product_id, g.product_name, g.price, g.currency, g.reference,"
                    + " g.actor, g.created_at";
    private static final String PRODUCT_COLUMNS = "id, name, bytes, price, currency, validity_days, active, created_at";

    /**
     * PostgreSQL's order of uuids (unsigned bytes), which {@link UUID#compareTo} is not: every
     * statement here that locks a batch's cycles locks them in this order, so two never deadlock.
     */
    private static final Comparator<UUID> DATABASE_ORDER = Comparator.comparing(
                    UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private final DatabaseClient db;

    UsageRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * A subscriber's plan terms, state and open cycle; with {@code lock}, the cycle and then the
     * subscriber are locked ({@link #DATABASE_ORDER}).
     */
    record AccountRow(UUID subscriber, SubscriberState state, CapTerms terms, OpenCycle cycle) {}

    Flux<AccountRow> accounts(WorkspaceId workspace, Collection<UUID> subscribers, boolean lock) {
        return db.sql("SELECT s.id, s.state, s.created_at, p.data_allowance_bytes, p.cycle_anchor, p.cycle_day,"
                        + " p.rollover_enabled, p.rollover_max_bytes, p.rollover_cycles, p.alert_thresholds, p.cap_action,"
                        + " p.throttle_upload_kbps, p.throttle_download_kbps, c.starts_at, c.ends_at, c.allowance_bytes,"
                        + " c.plan_used_bytes, c.used_bytes, array_to_string(c.alerted, ',') AS alerted,"
                        + " c.published_remaining"
                        // A join on the ids, not id = ANY(...): the planner looks each one up by key.
                        + " FROM unnest(:ids::uuid[]) AS k(id)"
                        + " JOIN subscriber s ON s.workspace_id = :workspace AND s.id = k.id"
                        + " JOIN plan p ON p.workspace_id = s.workspace_id AND p.id = s.plan_id"
                        // Locking the cycle too reads it as the last writer left it, quiet credits included.
                        + " LEFT JOIN LATERAL (SELECT * FROM usage_cycle c WHERE c.workspace_id = s.workspace_id"
                        + " AND c.subscriber_id = s.id AND NOT c.closed" + (lock ? " FOR UPDATE" : "") + ") c ON true"
                        + " ORDER BY s.id"
                        + (lock ? " FOR UPDATE OF s" : ""))
                .bind("workspace", workspace.value())
                .bind("ids", subscribers.stream().sorted(DATABASE_ORDER).toArray(UUID[]::new))
                .map(UsageRepository::readAccount)
                .all();
    }

    private static AccountRow readAccount(Readable row) {
        Instant signup = row.get("created_at", Instant.class);
        var anchor = DataCap.CycleAnchor.valueOf(row.get("cycle_anchor", String.class));
        var calendar = anchor == DataCap.CycleAnchor.SIGNUP
                ? CycleCalendar.signup(signup)
                : new CycleCalendar(row.get("cycle_day", Short.class));
        var action = DataCap.CapAction.valueOf(row.get("cap_action", String.class));
        Integer throttleUp = row.get("throttle_upload_kbps", Integer.class);
        var terms = new CapTerms(
                row.get("data_allowance_bytes", Long.class),
                calendar,
                Boolean.TRUE.equals(row.get("rollover_enabled", Boolean.class))
                        ? row.get("rollover_max_bytes", Long.class)
                        : null,
                row.get("rollover_cycles", Short.class),
                Arrays.stream(row.get("alert_thresholds", Short[].class))
                        .map(Short::intValue)
                        .sorted()
                        .toList(),
                action,
                action == DataCap.CapAction.THROTTLE && throttleUp != null
                        ? new DataCap.Throttle(row.get("throttle_download_kbps", Integer.class), throttleUp).rateLimit()
                        : null);
        Instant start = row.get("starts_at", Instant.class);
        OpenCycle cycle = null;
        if (start != null) {
            String alerted = row.get("alerted", String.class);
            var thresholds = new TreeSet<Integer>();
            if (alerted != null && !alerted.isEmpty()) {
                for (String t : alerted.split(",")) {
                    thresholds.add(Integer.valueOf(t));
                }
            }
            cycle = new OpenCycle(
                    start,
                    row.get("ends_at", Instant.class),
                    row.get("allowance_bytes", Long.class),
                    row.get("plan_used_bytes", Long.class),
                    row.get("used_bytes", Long.class),
                    thresholds,
                    row.get("published_remaining", Long.class),
                    true);
        }
        return new AccountRow(
                row.get("id", UUID.class), SubscriberState.valueOf(row.get("state", String.class)), terms, cycle);
    }

    /** The subscribers' grants with data left that had not expired by {@code since}. */
    Flux<StoredGrant> grantsWithData(WorkspaceId workspace, Collection<UUID> subscribers, Instant since) {
        return db.sql("SELECT " + GRANT_COLUMNS + " FROM unnest(:ids::uuid[]) AS k(id)"
                        + " JOIN data_grant g ON g.workspace_id = :workspace AND g.subscriber_id = k.id"
                        + " WHERE g.consumed_bytes < g.bytes"
                        + " AND (g.expires_at IS NULL OR g.expires_at > :since)")
                .bind("workspace", workspace.value())
                .bind("ids", subscribers.toArray(UUID[]::new))
                .bind("since", since)
                .map(row -> new StoredGrant(
                        row.get("subscriber_id", UUID.class),
                        new Grant(
                                row.get("id", UUID.class),
                                DataGrant.Kind.valueOf(row.get("kind", String.class)),
                                row.get("bytes", Long.class),
                                row.get("consumed_bytes", Long.class),
                                row.get("valid_from", Instant.class),
                                row.get("expires_at", Instant.class),
                                row.get("source_cycle_start", Instant.class),
                                false),
                        readGrant(row)))
                .all();
    }

    /** A stored grant, for the ledger and as the API shows it. */
    record StoredGrant(UUID subscriber, Grant grant, DataGrant view) {}

    /** Writes back what the ledger changed: closed and open cycles, new and consumed grants. */
    Mono<Void> save(WorkspaceId workspace, List<Account> accounts, String actor, Instant at) {
        var closedIds = new ArrayList<UUID>();
        var closedStarts = new ArrayList<Instant>();
        var open = new ArrayList<Account>();
        var fresh = new ArrayList<Grant>();
        var freshOwners = new ArrayList<UUID>();
        var consumed = new ArrayList<Grant>();
        for (Account account : accounts) {
            for (Instant start : account.closedCycleStarts) {
                closedIds.add(account.subscriber);
                closedStarts.add(start);
            }
            if (account.cycle != null) {
                open.add(account);
            }
            for (Grant g : account.grants) {
                // Rollovers of idle cycles long past expired unseen: nothing to keep.
                boolean expiredUnseen =
                        g.expiresAt != null && account.cycle != null && !g.expiresAt.isAfter(account.cycle.start);
                if (g.fresh && !expiredUnseen) {
                    fresh.add(g);
                    freshOwners.add(account.subscriber);
                } else if (g.changed) {
                    consumed.add(g);
                }
            }
        }
        return close(workspace, closedIds, closedStarts, at)
                .then(writeOpen(workspace, open, at))
                .then(insertRollovers(workspace, fresh, freshOwners, actor, at))
                .then(updateConsumed(workspace, consumed));
    }

    private Mono<Void> close(WorkspaceId workspace, List<UUID> ids, List<Instant> starts, Instant at) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("UPDATE usage_cycle u SET closed = true, updated_at = :at"
                        + " FROM unnest(:ids::uuid[], :starts::timestamptz[]) AS c(id, start)"
                        + " WHERE u.workspace_id = :workspace AND u.subscriber_id = c.id AND u.starts_at = c.start")
                .bind("workspace", workspace.value())
                .bind("at", at)
                .bind("ids", ids.toArray(UUID[]::new))
                .bind("starts", starts.toArray(Instant[]::new))
                .fetch()
                .rowsUpdated()
                .then();
    }

    /**
     * Writes open cycles with the usage each can take quietly ({@link Account#quiet}): an update by
     * key for those with a row (HOT: no indexed column changes), an insert for those opened now. The
     * subscribers and cycles are locked, so no other writer races.
     */
    private Mono<Void> writeOpen(WorkspaceId workspace, List<Account> open, Instant at) {
        var stored = new ArrayList<Account>();
        var opened = new ArrayList<Account>();
        for (Account account : open) {
            (account.cycle.stored ? stored : opened).add(account);
        }
        Mono<Void> update = stored.isEmpty()
                ? Mono.empty()
                : bindCycles(
                                db.sql("UPDATE usage_cycle u SET plan_used_bytes = c.plan_used, used_bytes = c.used,"
                                        + " alerted = string_to_array(c.alerted, ',')::smallint[],"
                                        + " published_remaining = c.published, quiet_used_below = c.quiet_below,"
                                        + " quiet_until = c.quiet_until, updated_at = :at"
                                        + " FROM unnest(:ids::uuid[], :starts::timestamptz[], :planUsed::bigint[],"
                                        + " :used::bigint[], :alerted::text[], :published::bigint[], :quietBelow::bigint[],"
                                        + " :quietUntil::timestamptz[])"
                                        + " AS c(id, start, plan_used, used, alerted, published, quiet_below, quiet_until)"
                                        + " WHERE u.workspace_id = :workspace AND u.subscriber_id = c.id"
                                        + " AND u.starts_at = c.start"),
                                workspace,
                                stored,
                                at)
                        .fetch()
                        .rowsUpdated()
                        .then();
        Mono<Void> insert = opened.isEmpty()
                ? Mono.empty()
                : bindCycles(
                                db.sql("INSERT INTO usage_cycle (workspace_id, subscriber_id, starts_at, ends_at,"
                                        + " allowance_bytes, plan_used_bytes, used_bytes, alerted, published_remaining,"
                                        + " quiet_used_below, quiet_until, closed, updated_at)"
                                        + " SELECT :workspace, c.id, c.start, c.end_at, c.allowance, c.plan_used, c.used,"
                                        + " string_to_array(c.alerted, ',')::smallint[], c.published, c.quiet_below,"
                                        + " c.quiet_until, false, :at"
                                        + " FROM unnest(:ids::uuid[], :starts::timestamptz[], :ends::timestamptz[],"
                                        + " :allowances::bigint[], :planUsed::bigint[], :used::bigint[], :alerted::text[],"
                                        + " :published::bigint[], :quietBelow::bigint[], :quietUntil::timestamptz[])"
                                        + " AS c(id, start, end_at, allowance, plan_used, used, alerted, published,"
                                        + " quiet_below, quiet_until)"),
                                workspace,
                                opened,
                                at)
                        .bind("ends", opened.stream().map(a -> a.cycle.end).toArray(Instant[]::new))
                        .bind(
                                "allowances",
                                opened.stream().map(a -> a.cycle.allowance).toArray(Long[]::new))
                        .fetch()
                        .rowsUpdated()
                        .then();
        return update.then(insert);
    }

    private static DatabaseClient.GenericExecuteSpec bindCycles(
            DatabaseClient.GenericExecuteSpec spec, WorkspaceId workspace, List<Account> accounts, Instant at) {
        int n = accounts.size();
        var ids = new UUID[n];
        var starts = new Instant[n];
        var planUsed = new Long[n];
        var used = new Long[n];
        var alerted = new String[n];
        var published = new Long[n];
        var quietBelow = new Long[n];
        var quietUntil = new Instant[n];
        for (int i = 0; i < n; i++) {
            Account account = accounts.get(i);
            OpenCycle c = account.cycle;
            ids[i] = account.subscriber;
            starts[i] = c.start;
            planUsed[i] = c.planUsed;
            used[i] = c.used;
            alerted[i] = c.alerted.stream().map(String::valueOf).collect(Collectors.joining(","));
            published[i] = c.publishedRemaining;
            Account.Quiet quiet = account.quiet(at);
            quietBelow[i] = quiet == null ? null : quiet.usedBelow();
            quietUntil[i] = quiet == null ? null : quiet.until();
        }
        return spec.bind("workspace", workspace.value())
                .bind("at", at)
                .bind("ids", ids)
                .bind("starts", starts)
                .bind("planUsed", planUsed)
                .bind("used", used)
                .bind("alerted", alerted)
                .bind("published", published)
                .bind("quietBelow", quietBelow)
                .bind("quietUntil", quietUntil);
    }

    /**
     * Adds usage to the open cycles that can take it quietly ({@link Account#quiet}) and returns the
     * subscribers it was added for; the rest need the ledger. Every open cycle of the batch is locked
     * first ({@link #DATABASE_ORDER}), so that the ledger's locks after this never wait on another
     * batch holding one of this batch's cycles.
     */
    Mono<Set<UUID>> creditQuietly(WorkspaceId workspace, Collection<UsageDelta> deltas, Instant now) {
        var ordered = deltas.stream()
                .sorted(Comparator.comparing(UsageDelta::subscriberId, DATABASE_ORDER))
                .toList();
        return db.sql("WITH batch AS ("
                        + " SELECT u.row, CASE WHEN u.used_bytes + c.bytes < u.quiet_used_below"
                        + " AND " + ArrayLiteral.timestampFromEpochMicros("c.at") + " < u.quiet_until"
                        + " AND CAST(:now AS timestamptz) < u.quiet_until THEN c.bytes ELSE 0 END AS credited"
                        + " FROM unnest(:ids::uuid[], :bytes::bigint[], :at::bigint[]) AS c(id, bytes, at)"
                        // Locked row by row in that order, each looked up by key; a locked row is
                        // read as its last writer left it.
                        + " CROSS JOIN LATERAL (SELECT u.ctid AS row, u.used_bytes, u.quiet_used_below, u.quiet_until"
                        + " FROM usage_cycle u WHERE u.workspace_id = :workspace AND u.subscriber_id = c.id AND NOT u.closed"
                        + " FOR UPDATE) u), quiet AS ("
                        // By the row just locked. A row another batch wrote after this statement began is
                        // not seen, so not credited here: the ledger takes it.
                        + " UPDATE usage_cycle u SET used_bytes = u.used_bytes + b.credited,"
                        + " plan_used_bytes = CASE WHEN u.allowance_bytes IS NULL THEN u.plan_used_bytes"
                        + " ELSE u.plan_used_bytes + b.credited END, updated_at = :now"
                        + " FROM batch b WHERE b.credited > 0 AND u.ctid = b.row"
                        + " RETURNING u.subscriber_id)"
                        + " SELECT array_agg(subscriber_id) AS credited FROM quiet")
                .bind("workspace", workspace.value())
                .bind("now", now)
                .bind(
                        "ids",
                        ArrayLiteral.of(
                                ordered.stream().map(UsageDelta::subscriberId).toArray()))
                .bind(
                        "bytes",
                        ArrayLiteral.of(ordered.stream().map(UsageDelta::bytes).toArray()))
                .bind(
                        "at",
                        ArrayLiteral.ofEpochMicros(
                                ordered.stream().map(UsageDelta::at).toArray(Instant[]::new)))
                .map(row -> {
                    UUID[] credited = row.get("credited", UUID[].class);
                    return credited == null ? Set.<UUID>of() : Set.of(credited);
                })
                .one();
    }

    private Mono<Void> insertRollovers(
            WorkspaceId workspace, List<Grant> grants, List<UUID> owners, String actor, Instant at) {
        if (grants.isEmpty()) {
            return Mono.empty();
        }
        int n = grants.size();
        var ids = new UUID[n];
        var bytes = new Long[n];
        var consumed = new Long[n];
        var from = new Instant[n];
        var expires = new Instant[n];
        var sources = new Instant[n];
        for (int i = 0; i < n; i++) {
            Grant g = grants.get(i);
            ids[i] = g.id;
            bytes[i] = g.bytes;
            consumed[i] = g.consumed;
            from[i] = g.validFrom;
            expires[i] = g.expiresAt;
            sources[i] = g.sourceCycleStart;
        }
        return db.sql(
                        "INSERT INTO data_grant (workspace_id, id, subscriber_id, kind, bytes, consumed_bytes, valid_from,"
                                + " expires_at, source_cycle_start, actor, created_at)"
                                + " SELECT :workspace, g.id, g.subscriber, 'ROLLOVER', g.bytes, g.consumed, g.valid_from,"
                                + " g.expires_at, g.source, :actor, :at"
                                + " FROM unnest(:ids::uuid[], :owners::uuid[], :bytes::bigint[], :consumed::bigint[],"
                                + " :from::timestamptz[], :expires::timestamptz[], :sources::timestamptz[])"
                                + " AS g(id, subscriber, bytes, consumed, valid_from, expires_at, source)")
                .bind("workspace", workspace.value())
                .bind("actor", actor)
                .bind("at", at)
                .bind("ids", ids)
                .bind("owners", owners.toArray(UUID[]::new))
                .bind("bytes", bytes)
                .bind("consumed", consumed)
                .bind("from", from)
                .bind("expires", expires)
                .bind("sources", sources)
                .fetch()
                .rowsUpdated()
                .then();
    }

    private Mono<Void> updateConsumed(WorkspaceId workspace, List<Grant> grants) {
        if (grants.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("UPDATE data_grant g SET consumed_bytes = c.consumed"
                        + " FROM unnest(:ids::uuid[], :consumed::bigint[]) AS c(id, consumed)"
                        + " WHERE g.workspace_id = :workspace AND g.id = c.id")
                .bind("workspace", workspace.value())
                .bind("ids", grants.stream().map(g -> g.id).toArray(UUID[]::new))
                .bind("consumed", grants.stream().map(g -> g.consumed).toArray(Long[]::new))
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** Subscribers whose open cycle ended by {@code at}, oldest first. */
    Flux<UUID> endedCycles(WorkspaceId workspace, Instant at, int limit) {
        return db.sql("SELECT subscriber_id FROM usage_cycle WHERE workspace_id = :workspace AND NOT closed"
                        + " AND ends_at <= :at ORDER BY ends_at, subscriber_id LIMIT :limit")
                .bind("workspace", workspace.value())
                .bind("at", at)
                .bind("limit", limit)
                .map(row -> row.get("subscriber_id", UUID.class))
                .all();
    }

    /** The subscriber's top-ups, newest first. */
    Flux<DataGrant> topUps(WorkspaceId workspace, UUID subscriber, int limit) {
        return db.sql("SELECT " + GRANT_COLUMNS + " FROM data_grant g WHERE g.workspace_id = :workspace"
                        + " AND g.subscriber_id = :subscriber AND g.kind = 'TOP_UP' ORDER BY g.created_at DESC, g.id"
                        + " LIMIT :limit")
                .bind("workspace", workspace.value())
                .bind("subscriber", subscriber)
                .bind("limit", limit)
                .map(UsageRepository::readGrant)
                .all();
    }

    Mono<Void> insertTopUp(WorkspaceId workspace, UUID subscriber, DataGrant grant) {
        return db.sql("INSERT INTO data_grant (workspace_id, id, subscriber_id, kind, bytes, consumed_bytes,"
                        + " valid_from, expires_at, product_id, product_name, price, currency, reference, actor, created_at)"
                        + " VALUES (:workspace, :id, :subscriber, 'TOP_UP', :bytes, 0, :from, :expires, :product, :name,"
                        + " :price, :currency, :reference, :actor, :at)")
                .bind("workspace", workspace.value())
                .bind("id", grant.id())
                .bind("subscriber", subscriber)
                .bind("bytes", grant.bytes())
                .bind("from", grant.validFrom())
                .bind("expires", Parameter.fromOrEmpty(grant.expiresAt(), Instant.class))
                .bind("product", grant.productId())
                .bind("name", grant.productName())
                .bind("price", grant.price())
                .bind("currency", grant.currency())
                .bind("reference", Parameter.fromOrEmpty(grant.reference(), String.class))
                .bind("actor", grant.actor())
                .bind("at", grant.createdAt())
                .fetch()
                .rowsUpdated()
                .then();
    }

    Mono<String> workspaceCurrency(WorkspaceId workspace) {
        return db.sql("SELECT currency FROM workspace WHERE id = :workspace")
                .bind("workspace", workspace.value())
                .map(row -> row.get("currency", String.class))
                .one();
    }

    Mono<Void> insertProduct(WorkspaceId workspace, TopUpProduct product) {
        return db.sql("INSERT INTO top_up_product (workspace_id, id, name, bytes, price, currency, validity_days,"
                        + " active, created_at, updated_at) VALUES (:workspace, :id, :name, :bytes, :price, :currency,"
                        + " :validity, :active, :at, :at)")
                .bind("workspace", workspace.value())
                .bind("id", product.id())
                .bind("name", product.name())
                .bind("bytes", product.bytes())
                .bind("price", product.price())
                .bind("currency", product.currency())
                .bind("validity", Parameter.fromOrEmpty(product.validityDays(), Integer.class))
                .bind("active", product.active())
                .bind("at", product.createdAt())
                .fetch()
                .rowsUpdated()
                .then();
    }

    public Mono<TopUpProduct> findProduct(WorkspaceId workspace, UUID id) {
        return db.sql("SELECT " + PRODUCT_COLUMNS + " FROM top_up_product WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .map(UsageRepository::readProduct)
                .one();
    }

    public Flux<TopUpProduct> listProducts(WorkspaceId workspace, boolean activeOnly) {
        return db.sql("SELECT " + PRODUCT_COLUMNS + " FROM top_up_product WHERE workspace_id = :workspace"
                        + (activeOnly ? " AND active" : "") + " ORDER BY bytes, name")
                .bind("workspace", workspace.value())
                .map(UsageRepository::readProduct)
                .all();
    }

    /** Whether the product existed (and is now as {@code active} says). */
    Mono<Boolean> setProductActive(WorkspaceId workspace, UUID id, boolean active, Instant at) {
        return db.sql("UPDATE top_up_product SET active = :active, updated_at = :at"
                        + " WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .bind("active", active)
                .bind("at", at)
                .fetch()
                .rowsUpdated()
                .map(count -> count > 0);
    }

    private static TopUpProduct readProduct(Readable row) {
        return new TopUpProduct(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("bytes", Long.class),
                row.get("price", BigDecimal.class),
                row.get("currency", String.class),
                row.get("validity_days", Integer.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class)),
                row.get("created_at", Instant.class));
    }

    private static DataGrant readGrant(Readable row) {
        return new DataGrant(
                row.get("id", UUID.class),
                DataGrant.Kind.valueOf(row.get("kind", String.class)),
                row.get("bytes", Long.class),
                row.get("consumed_bytes", Long.class),
                row.get("valid_from", Instant.class),
                row.get("expires_at", Instant.class),
                row.get("product_id", UUID.class),
                row.get("product_name", String.class),
                row.get("price", BigDecimal.class),
                row.get("currency", String.class),
                row.get("reference", String.class),
                row.get("actor", String.class),
                row.get("created_at", Instant.class));
    }
}
