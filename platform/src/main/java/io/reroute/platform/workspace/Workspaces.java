package io.reroute.platform.workspace;

import io.reroute.platform.net.HostName;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.workspace.internal.WorkspaceRepository;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
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

    /** The workspace whose reminder host this is; empty for a host nobody configured. */
    public Mono<WorkspaceId> byReminderHost(HostName host) {
        return db.sql("SELECT id FROM reminder_host_workspace_id(:host) AS id WHERE id IS NOT NULL")
                .bind("host", host.value())
                .map(row -> row.get("id", UUID.class))
                .one()
                .map(WorkspaceId::new);
    }
}
