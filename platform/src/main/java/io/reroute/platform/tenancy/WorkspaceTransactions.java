package io.reroute.platform.tenancy;

import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one way to reach tenant-owned tables: a transaction whose first statement binds the workspace
 * with {@code set_config('reroute.workspace_id', ?, true)}. Row-level security then restricts every
 * statement in it to that workspace, and the binding ends with the transaction, so a pooled
 * connection never carries it over.
 */
@Component
public class WorkspaceTransactions {

    private final DatabaseClient db;
    private final TransactionalOperator transactional;

    public WorkspaceTransactions(DatabaseClient db, TransactionalOperator transactional) {
        this.db = db;
        this.transactional = transactional;
    }

    /** Runs {@code work} in a transaction bound to the workspace of the current request. */
    public <T> Mono<T> inCurrentWorkspace(Function<WorkspaceId, Mono<T>> work) {
        return WorkspaceContext.current().flatMap(workspace -> inWorkspace(workspace, () -> work.apply(workspace)));
    }

    /**
     * Runs {@code work} in a transaction bound to an explicitly given workspace: for edges that
     * resolve the workspace themselves (provisioning, token issuing) before any request context exists.
     */
    public <T> Mono<T> inWorkspace(WorkspaceId workspace, Supplier<Mono<T>> work) {
        return transactional.transactional(bind(workspace).then(Mono.defer(work)));
    }

    /** Streams {@code work}'s rows from one transaction bound to {@code workspace}, for long reads. */
    public <T> Flux<T> streamInWorkspace(WorkspaceId workspace, Supplier<Flux<T>> work) {
        return transactional.transactional(bind(workspace).thenMany(Flux.defer(work)));
    }

    private Mono<Void> bind(WorkspaceId workspace) {
        return db.sql("SELECT set_config('reroute.workspace_id', :workspace, true)")
                .bind("workspace", workspace.toString())
                .fetch()
                .first()
                .then();
    }
}
