package io.reroute.platform.allowlist.internal;

import io.r2dbc.spi.Readable;
import io.reroute.platform.allowlist.AllowlistEntry;
import io.reroute.platform.allowlist.AllowlistKind;
import io.reroute.platform.allowlist.AllowlistPattern;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Allowlist entries of a workspace. Every call runs inside a workspace transaction and names the workspace. */
@Repository
public class AllowlistRepository {

    private static final String COLUMNS = "id, value, match_type, kind, note, created_at";

    private final DatabaseClient db;

    AllowlistRepository(DatabaseClient db) {
        this.db = db;
    }

    public Flux<AllowlistEntry> list(WorkspaceId workspace) {
        return db.sql("SELECT " + COLUMNS + " FROM allowlist_entry WHERE workspace_id = :workspace ORDER BY value")
                .bind("workspace", workspace.value())
                .map(AllowlistRepository::read)
                .all();
    }

    Mono<AllowlistEntry> find(WorkspaceId workspace, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM allowlist_entry WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .map(AllowlistRepository::read)
                .one();
    }

    Mono<Long> count(WorkspaceId workspace) {
        return db.sql("SELECT count(*) AS n FROM allowlist_entry WHERE workspace_id = :workspace")
                .bind("workspace", workspace.value())
                .map(row -> row.get("n", Long.class))
                .one();
    }

    Mono<Void> insert(WorkspaceId workspace, AllowlistEntry entry) {
        return db.sql("INSERT INTO allowlist_entry (workspace_id, id, kind, match_type, value, note, created_at)"
                        + " VALUES (:workspace, :id, :kind, :type, :value, :note, :at)")
                .bind("workspace", workspace.value())
                .bind("id", entry.id())
                .bind("kind", entry.kind().name())
                .bind("type", entry.matchType().name())
                .bind("value", entry.value())
                .bind("note", entry.note() != null ? entry.note() : Parameter.empty(String.class))
                .bind("at", entry.createdAt())
                .fetch()
                .rowsUpdated()
                .then();
    }

    Mono<Long> delete(WorkspaceId workspace, UUID id) {
        return db.sql("DELETE FROM allowlist_entry WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .fetch()
                .rowsUpdated();
    }

    private static AllowlistEntry read(Readable row) {
        return new AllowlistEntry(
                row.get("id", UUID.class),
                row.get("value", String.class),
                AllowlistPattern.MatchType.valueOf(row.get("match_type", String.class)),
                AllowlistKind.valueOf(row.get("kind", String.class)),
                row.get("note", String.class),
                row.get("created_at", Instant.class));
    }
}
