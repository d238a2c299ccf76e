package io.reroute.platform.workspace;

import io.reroute.platform.net.HostName;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.workspace.internal.WorkspaceRepository;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Read access to workspaces for other features; lookups by id run in the caller's workspace transaction. */
@Component
public class Workspaces {

    private final WorkspaceRepository repository;
    private final DatabaseClient db;

    Workspaces(WorkspaceRepository repository, DatabaseClient db) {
        this.repository = repository;
        this.db = db;
    }

    public Mono<Workspace> find(WorkspaceId workspace) {
        return repository.find(workspace);
    }

    public Mono<WorkspaceSettings> settings(WorkspaceId workspace) {
        return repository.settings(workspace, false);
    }

    /** Every workspace, by id: for the platform's own jobs, which then work one workspace at a time. */
    public Flux<WorkspaceId> ids() {
        return db.sql("SELECT id FROM workspace_ids() AS id")
                .map(row -> new WorkspaceId(row.get("id", UUID.class)))
                .all();
    }

    /** The workspaces of a region, by id: what that region's gateways enforce. */
    public Flux<WorkspaceId> idsInRegion(String region) {
        return db.sql("SELECT id FROM region_workspace_ids(:region) AS id")
                .bind("region", region)
                .map(row -> new WorkspaceId(row.get("id", UUID.class)))
                .all();
    }

    /** The workspace whose reminder host this is; empty for a host nobody configured. */
    public Mono<WorkspaceId> byReminderHost(HostName host) {
        return db.sql("SELECT id FROM reminder_host_workspace_id(:host) AS id WHERE id IS NOT NULL")
                .bind("host", host.value())
                .map(row -> row.get("id", UUID.class))
                .one()
                .map(WorkspaceId::new);
    }
}
