package io.reroute.platform.audit;

import io.r2dbc.postgresql.codec.Json;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records changes in the same transaction as the change itself, so a change without its audit
 * entry (or the reverse) cannot be committed. Callers must already be in a workspace transaction.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Clock clock;

    public AuditLog(DatabaseClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    public Mono<Void> record(WorkspaceId workspace, Actor actor, String action, String target, Map<String, ?> changes) {
        return db.sql("INSERT INTO audit_event (workspace_id, occurred_at, actor, action, target, changes)"
                        + " VALUES (:workspace, :at, :actor, :action, :target, :changes)")
                .bind("workspace", workspace.value())
                .bind("at", clock.instant())
                .bind("actor", actor.subject())
                .bind("action", action)
                .bind("target", target)
                .bind("changes", Json.of(json.writeValueAsString(changes)))
                .fetch()
                .rowsUpdated()
                .doOnSuccess(n -> log.info("audit {} {} in workspace {} by {}", action, target, workspace, actor))
                .then();
    }

    /** Newest first; {@code before} is the id of the last event of the previous page. */
    public Flux<AuditEvent> list(WorkspaceId workspace, int limit, Optional<Long> before) {
        return db.sql("SELECT id, occurred_at, actor, action, target, changes FROM audit_event"
                        + " WHERE workspace_id = :workspace"
                        + before.map(b -> " AND id < :before").orElse("")
                        + " ORDER BY id DESC LIMIT :limit")
                .bind("workspace", workspace.value())
                .bind("limit", limit)
                .bindValues(before.map(b -> Map.<String, Object>of("before", b)).orElse(Map.of()))
                .map(row -> new AuditEvent(
                        row.get("id", Long.class),
                        row.get("occurred_at", Instant.class),
                        row.get("actor", String.class),
                        row.get("action", String.class),
                        row.get("target", String.class),
                        json.readValue(row.get("changes", Json.class).asString(), MAP)))
                .all();
    }
}
