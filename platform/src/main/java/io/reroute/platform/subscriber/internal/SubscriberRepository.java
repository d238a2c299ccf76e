package io.reroute.platform.subscriber.internal;

import io.r2dbc.spi.Readable;
import io.reroute.platform.enforcement.SubscriberState;
import io.reroute.platform.subscriber.Subscriber;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Subscribers of a workspace. Every call runs inside a workspace transaction and names the workspace. */
@Repository
public class SubscriberRepository {

    private static final String COLUMNS = "id, account_number, name, email, phone, pppoe_username,"
            + " pppoe_password_sealed IS NOT NULL AS password_set, host(static_ipv4) AS ipv4, host(static_ipv6) AS ipv6,"
            + " delegated_prefix::text AS prefix, nas_id, plan_id, state, state_version, state_changed_at, created_at";

    private final DatabaseClient db;

    SubscriberRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(WorkspaceId workspace, Subscriber s, String sealedPassword) {
        Map<String, Object> values = new HashMap<>();
        values.put("workspace", workspace.value());
        values.put("id", s.id());
        values.put("account", s.accountNumber());
        values.put("name", s.name());
        values.put("email", nullable(s.email()));
        values.put("phone", nullable(s.phone()));
        values.put("pppoe", nullable(s.pppoeUsername()));
        values.put("password", nullable(sealedPassword));
        values.put("ipv4", nullable(s.staticIpv4()));
        values.put("ipv6", nullable(s.staticIpv6()));
        values.put("prefix", nullable(s.delegatedPrefix()));
        values.put("nas", s.nasId() != null ? s.nasId() : Parameter.empty(UUID.class));
        values.put("plan", s.planId());
        values.put("state", s.state().name());
        values.put("at", s.createdAt());
        return db.sql("INSERT INTO subscriber (workspace_id, id, account_number, name, email, phone, pppoe_username,"
                        + " pppoe_password_sealed, static_ipv4, static_ipv6, delegated_prefix, nas_id, plan_id, state,"
                        + " state_version, state_changed_at, created_at, updated_at) VALUES (:workspace, :id, :account,"
                        + " :name, :email, :phone, :pppoe, :password, CAST(:ipv4 AS inet), CAST(:ipv6 AS inet),"
                        + " CAST(:prefix AS cidr), :nas, :plan, :state, 0, :at, :at, :at)")
                .bindValues(values)
                .fetch()
                .rowsUpdated()
                .then();
    }

    public Mono<Subscriber> find(WorkspaceId workspace, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM subscriber WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .map(SubscriberRepository::read)
                .one();
    }

    public Mono<Subscriber> findByAccount(WorkspaceId workspace, String accountNumber) {
        return db.sql("SELECT " + COLUMNS
                        + " FROM subscriber WHERE workspace_id = :workspace AND account_number = :account")
                .bind("workspace", workspace.value())
                .bind("account", accountNumber)
                .map(SubscriberRepository::read)
                .one();
    }

    /** Which subscribers a list shows; absent values do not filter. */
    record Filter(
            Optional<SubscriberState> state,
            Optional<UUID> planId,
            Optional<UUID> nasId,
            boolean overdue,
            Optional<String> text,
            LocalDate today) {}

    /** Ordered by account number; {@code after} is the id of the last subscriber of the previous page. */
    Flux<Subscriber> list(WorkspaceId workspace, Filter filter, int limit, Optional<UUID> after) {
        Map<String, Object> values = new HashMap<>();
        values.put("workspace", workspace.value());
        values.put("limit", limit);
        var where = new StringBuilder(" WHERE s.workspace_id = :workspace");
        filter.state().ifPresent(state -> {
            where.append(" AND s.state = :state");
            values.put("state", state.name());
        });
        filter.planId().ifPresent(plan -> {
            where.append(" AND s.plan_id = :plan");
            values.put("plan", plan);
        });
        filter.nasId().ifPresent(nas -> {
            where.append(" AND s.nas_id = :nas");
            values.put("nas", nas);
        });
        if (filter.overdue()) {
            where.append(" AND EXISTS (SELECT 1 FROM invoice i WHERE i.workspace_id = s.workspace_id"
                    + " AND i.subscriber_id = s.id AND i.status = 'OPEN' AND i.due_date < :today)");
            values.put("today", filter.today());
        }
        filter.text().ifPresent(text -> {
            where.append(" AND (s.account_number ILIKE :text OR s.name ILIKE :text OR s.email ILIKE :text"
                    + " OR s.pppoe_username ILIKE :text)");
            values.put(
                    "text", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        });
        after.ifPresent(a -> {
            where.append(" AND s.account_number > (SELECT account_number FROM subscriber"
                    + " WHERE workspace_id = :workspace AND id = :after)");
            values.put("after", a);
        });
        return db.sql("SELECT " + COLUMNS + " FROM subscriber s" + where + " ORDER BY s.account_number LIMIT :limit")
                .bindValues(values)
                .map(SubscriberRepository::read)
                .all();
    }

    private static Object nullable(String value) {
        return value != null ? value : Parameter.empty(String.class);
    }

    private static Subscriber read(Readable row) {
        return new Subscriber(
                row.get("id", UUID.class),
                row.get("account_number", String.class),
                row.get("name", String.class),
                row.get("email", String.class),
                row.get("phone", String.class),
                row.get("pppoe_username", String.class),
                Boolean.TRUE.equals(row.get("password_set", Boolean.class)),
                row.get("ipv4", String.class),
                row.get("ipv6", String.class),
                row.get("prefix", String.class),
                row.get("nas_id", UUID.class),
                row.get("plan_id", UUID.class),
                SubscriberState.valueOf(row.get("state", String.class)),
                row.get("state_version", Long.class),
                row.get("state_changed_at", Instant.class),
                row.get("created_at", Instant.class));
    }
}
