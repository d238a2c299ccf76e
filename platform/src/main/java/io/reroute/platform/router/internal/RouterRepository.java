package io.reroute.platform.router.internal;

import io.r2dbc.spi.Readable;
import io.reroute.platform.router.Router;
import io.reroute.platform.router.RouterJob;
import io.reroute.platform.router.RouterReport;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.routeros.RouterRole;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Routers of a workspace and the jobs asked of them. Every call runs inside a workspace transaction
 * and names the workspace.
 */
@Repository
class RouterRepository {

    private static final String COLUMNS = "id, name, host, port, tls, username, role, nas_id, region, created_at,"
            + " updated_at, identity, routeros_version, last_contact_at, last_error, reconciled_at";
    private static final String JOB_COLUMNS =
            "id, router_id, kind, status, requested_by, requested_at, finished_at, result::text AS result, error";

    private final DatabaseClient db;

    RouterRepository(DatabaseClient db) {
        this.db = db;
    }

    /** What a stored password is bound to: it opens for this router only. */
    static String passwordContext(WorkspaceId workspace, UUID router) {
        return "router:" + workspace + ":" + router + ":password";
    }

    Flux<Router> list(WorkspaceId workspace) {
        return db.sql("SELECT " + COLUMNS + " FROM router WHERE workspace_id = :workspace ORDER BY lower(name), id")
                .bind("workspace", workspace.value())
                .map(RouterRepository::read)
                .all();
    }

    Mono<Router> find(WorkspaceId workspace, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM router WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .map(RouterRepository::read)
                .one();
    }

    /** Every router with its password as sealed in the database. */
    Flux<StoredRouter> withPasswords(WorkspaceId workspace) {
        return db.sql("SELECT " + COLUMNS + ", password_sealed FROM router WHERE workspace_id = :workspace"
                        + " ORDER BY lower(name), id")
                .bind("workspace", workspace.value())
                .map(row -> new StoredRouter(read(row), row.get("password_sealed", String.class)))
                .all();
    }

    /** Inserts with the workspace's region. */
    Mono<Void> insert(WorkspaceId workspace, Router router, String sealedPassword) {
        return db.sql("INSERT INTO router (workspace_id, id, name, host, port, tls, username, password_sealed, region,"
                        + " role, nas_id, created_at, updated_at)"
                        + " SELECT w.id, :id, :name, :host, :port, :tls, :username, :password, w.region, :role, :nas,"
                        + " :at, :at FROM workspace w WHERE w.id = :workspace")
                .bind("workspace", workspace.value())
                .bind("id", router.id())
                .bind("name", router.name())
                .bind("host", router.host())
                .bind("port", router.port())
                .bind("tls", router.tls())
                .bind("username", router.username())
                .bind("password", sealedPassword)
                .bind("role", router.role().name())
                .bind("nas", router.nasId() != null ? router.nasId() : Parameter.empty(UUID.class))
                .bind("at", router.createdAt())
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** Replaces a router's settings; a null {@code sealedPassword} keeps the stored one. */
    Mono<Void> update(WorkspaceId workspace, Router router, String sealedPassword) {
        return db.sql("UPDATE router SET name = :name, host = :host, port = :port, tls = :tls, username = :username,"
                        + " password_sealed = coalesce(:password, password_sealed), role = :role, nas_id = :nas,"
                        + " updated_at = :at WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", router.id())
                .bind("name", router.name())
                .bind("host", router.host())
                .bind("port", router.port())
                .bind("tls", router.tls())
                .bind("username", router.username())
                .bind("password", sealedPassword != null ? sealedPassword : Parameter.empty(String.class))
                .bind("role", router.role().name())
                .bind("nas", router.nasId() != null ? router.nasId() : Parameter.empty(UUID.class))
                .bind("at", router.updatedAt())
                .fetch()
                .rowsUpdated()
                .then();
    }

    Mono<Long> delete(WorkspaceId workspace, UUID id) {
        return db.sql("DELETE FROM router WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .fetch()
                .rowsUpdated();
    }

    Mono<Void> insertJob(WorkspaceId workspace, RouterJob job) {
        return db.sql("INSERT INTO router_job (workspace_id, id, router_id, kind, status, requested_by, requested_at)"
                        + " VALUES (:workspace, :id, :router, :kind, 'PENDING', :by, :at)")
                .bind("workspace", workspace.value())
                .bind("id", job.id())
                .bind("router", job.routerId())
                .bind("kind", job.kind().name())
                .bind("by", job.requestedBy())
                .bind("at", job.requestedAt())
                .fetch()
                .rowsUpdated()
                .then();
    }

    Flux<StoredJob> jobs(WorkspaceId workspace, UUID router, int limit) {
        return db.sql("SELECT " + JOB_COLUMNS + " FROM router_job WHERE workspace_id = :workspace"
                        + " AND router_id = :router ORDER BY requested_at DESC, id LIMIT :limit")
                .bind("workspace", workspace.value())
                .bind("router", router)
                .bind("limit", limit)
                .map(RouterRepository::readJob)
                .all();
    }

    Mono<StoredJob> job(WorkspaceId workspace, UUID router, UUID job) {
        return db.sql("SELECT " + JOB_COLUMNS + " FROM router_job WHERE workspace_id = :workspace"
                        + " AND router_id = :router AND id = :id")
                .bind("workspace", workspace.value())
                .bind("router", router)
                .bind("id", job)
                .map(RouterRepository::readJob)
                .one();
    }

    /** The last reconciliation's drift report as stored (JSON), if the router was ever reconciled. */
    Mono<String> drift(WorkspaceId workspace, UUID router) {
        return db.sql("SELECT drift::text AS drift FROM router WHERE workspace_id = :workspace AND id = :id"
                        + " AND drift IS NOT NULL")
                .bind("workspace", workspace.value())
                .bind("id", router)
                .map(row -> row.get("drift", String.class))
                .one();
    }

    /**
     * Records a gateway's report on the router and on its job. A job is finished once: a report
     * for a job that already has an outcome (a replayed stream entry) changes nothing.
     */
    Mono<Boolean> record(WorkspaceId workspace, RouterReport report) {
        boolean reconciled = report.succeeded() && report.kind() == RouterJob.Kind.RECONCILE;
        Mono<Long> router = db.sql("UPDATE router SET"
                        + " identity = coalesce(:identity, identity),"
                        + " routeros_version = coalesce(:version, routeros_version),"
                        + " last_contact_at = CASE WHEN :contacted THEN greatest(last_contact_at, :at)"
                        + " ELSE last_contact_at END,"
                        + " last_error = :error,"
                        + " reconciled_at = CASE WHEN :reconciled THEN :at ELSE reconciled_at END,"
                        + " drift = CASE WHEN :reconciled THEN CAST(:result AS jsonb) ELSE drift END"
                        + " WHERE workspace_id = :workspace AND id = :id"
                        + " AND (NOT :reconciled OR reconciled_at IS NULL OR reconciled_at <= :at)")
                .bind("workspace", workspace.value())
                .bind("id", report.routerId())
                .bind("identity", nullable(report.identity()))
                .bind("version", nullable(report.routerOsVersion()))
                .bind("contacted", report.succeeded() || report.identity() != null)
                .bind("at", report.at())
                .bind("error", nullable(report.succeeded() ? null : report.error()))
                .bind("reconciled", reconciled)
                .bind("result", nullable(report.result()))
                .fetch()
                .rowsUpdated();
        if (report.jobId() == null) {
            return router.map(rows -> rows > 0);
        }
        Mono<Long> job = db.sql(
                        "UPDATE router_job SET status = :status, finished_at = :at,"
                                + " result = CAST(:result AS jsonb), error = :error"
                                + " WHERE workspace_id = :workspace AND router_id = :router AND id = :id AND status = 'PENDING'")
                .bind("workspace", workspace.value())
                .bind("router", report.routerId())
                .bind("id", report.jobId())
                .bind("status", report.succeeded() ? "SUCCEEDED" : "FAILED")
                .bind("at", report.at())
                .bind("result", nullable(report.result()))
                .bind("error", nullable(report.error()))
                .fetch()
                .rowsUpdated();
        return router.flatMap(rows -> rows > 0 ? job.thenReturn(true) : exists(workspace, report.routerId()));
    }

    private Mono<Boolean> exists(WorkspaceId workspace, UUID router) {
        return db.sql("SELECT 1 FROM router WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", router)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }

    private static Object nullable(String value) {
        return value != null ? value : Parameter.empty(String.class);
    }

    private static Router read(Readable row) {
        return new Router(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("host", String.class),
                row.get("port", Integer.class),
                row.get("tls", Boolean.class),
                row.get("username", String.class),
                RouterRole.valueOf(row.get("role", String.class)),
                row.get("nas_id", UUID.class),
                row.get("region", String.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class),
                new Router.Status(
                        row.get("identity", String.class),
                        row.get("routeros_version", String.class),
                        row.get("last_contact_at", Instant.class),
                        row.get("last_error", String.class),
                        row.get("reconciled_at", Instant.class)));
    }

    private static StoredJob readJob(Readable row) {
        return new StoredJob(
                row.get("id", UUID.class),
                row.get("router_id", UUID.class),
                RouterJob.Kind.valueOf(row.get("kind", String.class)),
                RouterJob.Status.valueOf(row.get("status", String.class)),
                row.get("requested_by", String.class),
                row.get("requested_at", Instant.class),
                row.get("finished_at", Instant.class),
                row.get("result", String.class),
                row.get("error", String.class));
    }

    /** A job as stored: its result still JSON text. */
    record StoredJob(
            UUID id,
            UUID routerId,
            RouterJob.Kind kind,
            RouterJob.Status status,
            String requestedBy,
            Instant requestedAt,
            Instant finishedAt,
            String result,
            String error) {}

    record StoredRouter(Router router, String sealedPassword) {
        @Override
        public String toString() {
            return "StoredRouter[" + router.name() + ", password hidden]";
        }
    }
}
