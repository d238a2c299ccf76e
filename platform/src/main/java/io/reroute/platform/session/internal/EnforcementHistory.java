package io.reroute.platform.session.internal;

import io.reroute.platform.session.EnforcementAttempt;
import io.reroute.platform.session.internal.AccountingEntry.EnforcementReport;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gateways' enforcement steps per subscriber. Every call runs inside a workspace transaction
 * and names the workspace; a step is stored once, however often its report arrives.
 */
@Repository
class EnforcementHistory {

    private final DatabaseClient db;

    EnforcementHistory(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Stores reports about the workspace's own subscribers (a NAS no longer in the workspace is
     * stored as none); returns how many were about its subscribers, stored now or before.
     */
    Mono<Integer> record(WorkspaceId workspace, String region, List<EnforcementReport> reports) {
        int n = reports.size();
        String[] id = new String[n];
        String[] subscriber = new String[n];
        Long[] version = new Long[n];
        String[] change = new String[n];
        String[] nas = new String[n];
        String[] session = new String[n];
        String[] action = new String[n];
        String[] outcome = new String[n];
        Long[] errorCause = new Long[n];
        Long[] attempts = new Long[n];
        String[] at = new String[n];
        for (int i = 0; i < n; i++) {
            EnforcementReport r = reports.get(i);
            id[i] = r.id().toString();
            subscriber[i] = r.subscriberId().toString();
            version[i] = r.stateVersion();
            change[i] = r.change();
            nas[i] = r.nasId().toString();
            session[i] = r.sessionId();
            action[i] = r.action();
            outcome[i] = r.outcome();
            errorCause[i] = r.errorCause() == null ? null : r.errorCause().longValue();
            attempts[i] = (long) r.attempts();
            at[i] = r.at().toString();
        }
        return db.sql("""
                        WITH incoming AS (
                          SELECT i.* FROM unnest(CAST(:id AS uuid[]), CAST(:subscriber AS uuid[]), CAST(:version AS bigint[]),
                              CAST(:change AS text[]), CAST(:nas AS uuid[]), CAST(:session AS text[]), CAST(:action AS text[]),
                              CAST(:outcome AS text[]), CAST(:errorCause AS bigint[]), CAST(:attempts AS bigint[]),
                              CAST(:at AS timestamptz[]))
                            AS i(id, subscriber_id, state_version, change, nas_id, session_id, action, outcome,
                                 error_cause, attempts, attempted_at)
                          WHERE EXISTS (SELECT 1 FROM subscriber s WHERE s.workspace_id = :workspace AND s.id = i.subscriber_id)
                        ), stored AS (
                          INSERT INTO enforcement_attempt (workspace_id, id, subscriber_id, state_version, change, nas_id,
                              session_id, action, outcome, error_cause, attempts, region, attempted_at)
                          SELECT :workspace, i.id, i.subscriber_id, i.state_version, i.change,
                              (SELECT n.id FROM nas_client n WHERE n.workspace_id = :workspace AND n.id = i.nas_id),
                              i.session_id, i.action, i.outcome, i.error_cause, i.attempts, :region, i.attempted_at
                          FROM incoming i
                          ON CONFLICT (workspace_id, id) DO NOTHING
                          RETURNING id
                        )
                        SELECT (SELECT count(*) FROM incoming) AS accepted, (SELECT count(*) FROM stored) AS stored
                        """)
                .bind("workspace", workspace.value())
                .bind("region", region)
                .bind("id", id)
                .bind("subscriber", subscriber)
                .bind("version", version)
                .bind("change", change)
                .bind("nas", nas)
                .bind("session", session)
                .bind("action", action)
                .bind("outcome", outcome)
                .bind("errorCause", errorCause)
                .bind("attempts", attempts)
                .bind("at", at)
                .map(row ->
                        Objects.requireNonNull(row.get("accepted", Long.class)).intValue())
                .one();
    }

    /** The subscriber's steps, newest first, below {@code before} (a sequence) when given. */
    Flux<Step> forSubscriber(WorkspaceId workspace, UUID subscriber, int limit, Long before) {
        var spec = db.sql("SELECT seq, id, subscriber_id, change, state_version, nas_id, session_id, action, outcome,"
                        + " error_cause, attempts, region, attempted_at FROM enforcement_attempt"
                        + " WHERE workspace_id = :workspace AND subscriber_id = :subscriber"
                        + (before == null ? "" : " AND seq < :before")
                        + " ORDER BY seq DESC LIMIT :limit")
                .bind("workspace", workspace.value())
                .bind("subscriber", subscriber)
                .bind("limit", limit);
        if (before != null) {
            spec = spec.bind("before", before);
        }
        return spec.map(row -> new Step(
                        row.get("seq", Long.class),
                        new EnforcementAttempt(
                                row.get("id", UUID.class),
                                row.get("subscriber_id", UUID.class),
                                row.get("change", String.class),
                                row.get("state_version", Long.class),
                                row.get("nas_id", UUID.class),
                                row.get("session_id", String.class),
                                row.get("action", String.class),
                                row.get("outcome", String.class),
                                row.get("error_cause", Integer.class),
                                row.get("attempts", Integer.class),
                                row.get("region", String.class),
                                row.get("attempted_at", Instant.class))))
                .all();
    }

    Mono<Long> purgeBefore(WorkspaceId workspace, Instant before) {
        return db.sql("DELETE FROM enforcement_attempt WHERE workspace_id = :workspace AND attempted_at < :before")
                .bind("workspace", workspace.value())
                .bind("before", before)
                .fetch()
                .rowsUpdated();
    }

    /** A step with its place in the history, the cursor of the next page. */
    record Step(long seq, EnforcementAttempt attempt) {}
}
