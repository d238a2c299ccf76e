package io.reroute.platform.session.internal;

import io.r2dbc.spi.Readable;
import io.reroute.platform.session.RadiusSession;
import io.reroute.platform.session.internal.AccountingEntry.NasRestarted;
import io.reroute.platform.session.internal.AccountingEntry.SessionUpdate;
import io.reroute.platform.sql.ArrayLiteral;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.usage.UsageDelta;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sessions of a workspace. Every call runs inside a workspace transaction and names the workspace.
 * Updates are applied as maxima (counters, last heard) and a session stops once, so applying the
 * same update again, or an older one after a newer one, leaves the row as it was.
 */
@Repository
class SessionRepository {

    /** An update belongs to the row of its NAS and session id whose start is this close to its own. */
    static final Duration SAME_SESSION = Duration.ofMinutes(1);

    private static final String COLUMNS = "r.id, r.nas_id, r.session_id, r.subscriber_id, r.username,"
            + " host(r.framed_ipv4) AS framed_ipv4, r.started_at, r.updated_at, r.stopped_at, r.terminate_cause,"
            + " r.input_octets, r.output_octets, r.session_seconds,"
            + " CASE WHEN r.stopped_at IS NOT NULL THEN 'STOPPED'"
            + " WHEN r.updated_at < CAST(:now AS timestamptz) - 3 * make_interval(secs => s.acct_interim_interval)"
            + " THEN 'STALE' ELSE 'ACTIVE' END AS status";

    private static final String FROM =
            " FROM radius_session r JOIN workspace_settings s ON s.workspace_id = r.workspace_id";

    private static final String UPSERT = """
            WITH incoming AS (
              SELECT i.nas_id, i.session_id, i.subscriber_id, i.username, i.framed_ipv4,
                  %s AS started_at, %s AS updated_at,
                  i.input_octets, i.output_octets, i.session_seconds, %s AS stopped_at, i.terminate_cause
              FROM unnest(CAST(:nas AS uuid[]), CAST(:session AS text[]), CAST(:subscriber AS uuid[]),
                  CAST(:username AS text[]), CAST(:ip AS inet[]), CAST(:started AS bigint[]),
                  CAST(:updated AS bigint[]), CAST(:input AS bigint[]), CAST(:output AS bigint[]),
                  CAST(:seconds AS bigint[]), CAST(:stopped AS bigint[]), CAST(:cause AS text[]))
                AS i(nas_id, session_id, subscriber_id, username, framed_ipv4, started_us, updated_us,
                     input_octets, output_octets, session_seconds, stopped_us, terminate_cause)
              WHERE EXISTS (SELECT 1 FROM nas_client n WHERE n.workspace_id = :workspace AND n.id = i.nas_id)
            ), matched AS MATERIALIZED (
              -- One index lookup per update finds its row and what the row had counted so far. The
              -- subscriber is looked up only when the row does not already name it (its foreign key
              -- vouches for it).
              SELECT i.*, r.id AS row_id, r.input_octets + r.output_octets AS prior_total,
                CASE WHEN r.subscriber_id = i.subscriber_id THEN r.subscriber_id
                  ELSE (SELECT s.id FROM subscriber s WHERE s.workspace_id = :workspace AND s.id = i.subscriber_id)
                END AS known_subscriber
              FROM incoming i LEFT JOIN LATERAL (
                SELECT r.id, r.subscriber_id, r.input_octets, r.output_octets FROM radius_session r
                WHERE r.workspace_id = :workspace AND r.nas_id = i.nas_id AND r.session_id = i.session_id
                  AND r.started_at BETWEEN i.started_at - CAST(:window AS interval) AND i.started_at + CAST(:window AS interval)
                ORDER BY greatest(r.started_at - i.started_at, i.started_at - r.started_at), r.id LIMIT 1) r ON true
            ), updated AS (
              UPDATE radius_session r SET
                subscriber_id = COALESCE(m.known_subscriber, r.subscriber_id),
                username = COALESCE(m.username, r.username),
                framed_ipv4 = COALESCE(m.framed_ipv4, r.framed_ipv4),
                started_at = LEAST(r.started_at, m.started_at),
                updated_at = GREATEST(r.updated_at, m.updated_at),
                input_octets = GREATEST(r.input_octets, m.input_octets),
                output_octets = GREATEST(r.output_octets, m.output_octets),
                session_seconds = GREATEST(r.session_seconds, m.session_seconds),
                stopped_at = COALESCE(r.stopped_at, m.stopped_at),
                terminate_cause = CASE WHEN r.stopped_at IS NULL THEN m.terminate_cause ELSE r.terminate_cause END
              FROM matched m
              WHERE r.workspace_id = :workspace AND r.id = m.row_id
              RETURNING r.nas_id, r.subscriber_id, r.input_octets + r.output_octets - m.prior_total AS counted,
                m.updated_at AS at
            ), inserted AS (
              INSERT INTO radius_session (workspace_id, nas_id, session_id, subscriber_id, username, framed_ipv4,
                  started_at, updated_at, stopped_at, terminate_cause, input_octets, output_octets, session_seconds)
              SELECT :workspace, m.nas_id, m.session_id, m.known_subscriber, m.username, m.framed_ipv4,
                  m.started_at, m.updated_at, m.stopped_at, m.terminate_cause, m.input_octets, m.output_octets,
                  m.session_seconds
              FROM matched m WHERE m.row_id IS NULL
              RETURNING nas_id, subscriber_id, input_octets + output_octets AS counted, updated_at AS at
            ), applied AS (
              SELECT nas_id, subscriber_id, counted, at FROM updated
              UNION ALL SELECT nas_id, subscriber_id, counted, at FROM inserted
            )
            -- One row, not one per update: the NAS clients whose updates were applied, and the new
            -- bytes of known subscribers.
            SELECT array_agg(DISTINCT nas_id) AS nas,
              array_agg(subscriber_id) FILTER (WHERE subscriber_id IS NOT NULL AND counted > 0) AS subscribers,
              array_agg(counted) FILTER (WHERE subscriber_id IS NOT NULL AND counted > 0) AS counted,
              array_agg(at) FILTER (WHERE subscriber_id IS NOT NULL AND counted > 0) AS at
            FROM applied
            """.formatted(
                    ArrayLiteral.timestampFromEpochMicros("i.started_us"),
                    ArrayLiteral.timestampFromEpochMicros("i.updated_us"),
                    ArrayLiteral.timestampFromEpochMicros("i.stopped_us"));

    private final DatabaseClient db;

    SessionRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * What applying session updates did: how many were applied and the bytes they added to sessions'
     * totals, which had not been counted before.
     */
    record Applied(int accepted, List<UsageDelta> counted) {}

    /**
     * Applies session updates in one statement, after locking their sessions so that replicas
     * applying other updates of the same sessions wait instead of inserting them twice. Updates from
     * a NAS that is not the workspace's are left out. A session's totals only grow, so an update seen
     * before, or older than one seen, counts nothing, and each byte is counted once.
     */
    Mono<Applied> apply(WorkspaceId workspace, List<SessionUpdate> updates) {
        List<SessionUpdate> merged = merge(updates);
        if (merged.isEmpty()) {
            return Mono.just(new Applied(0, List.of()));
        }
        int n = merged.size();
        String[] nas = new String[n];
        String[] session = new String[n];
        String[] subscriber = new String[n];
        String[] username = new String[n];
        String[] ip = new String[n];
        Instant[] started = new Instant[n];
        Instant[] updated = new Instant[n];
        Long[] input = new Long[n];
        Long[] output = new Long[n];
        Long[] seconds = new Long[n];
        Instant[] stopped = new Instant[n];
        String[] cause = new String[n];
        for (int i = 0; i < n; i++) {
            SessionUpdate u = merged.get(i);
            nas[i] = u.nasId().toString();
            session[i] = u.sessionId();
            subscriber[i] = u.subscriberId() == null ? null : u.subscriberId().toString();
            username[i] = u.username();
            ip[i] = u.framedIpv4();
            started[i] = u.startedAt();
            updated[i] = u.at();
            input[i] = u.inputOctets();
            output[i] = u.outputOctets();
            seconds[i] = u.sessionSeconds();
            stopped[i] = u.stoppedAt();
            cause[i] = u.terminateCause();
        }
        // Built once: the lock and the upsert take the same sessions.
        String nasList = ArrayLiteral.of(nas);
        String sessionList = ArrayLiteral.of(session);
        Mono<Void> lock = db.sql(
                        "SELECT count(pg_advisory_xact_lock(k)) AS locked FROM (SELECT DISTINCT"
                                + " hashtextextended('radius_session:' || :workspace || ':' || u.nas || ':' || u.session, 0) AS k"
                                + " FROM unnest(CAST(:nas AS text[]), CAST(:session AS text[])) AS u(nas, session) ORDER BY 1) AS keys")
                .bind("workspace", workspace.toString())
                .bind("nas", nasList)
                .bind("session", sessionList)
                .fetch()
                .first()
                .then();
        Mono<Applied> upsert = db.sql(UPSERT)
                .bind("workspace", workspace.value())
                .bind("window", SAME_SESSION.toSeconds() + " seconds")
                .bind("nas", nasList)
                .bind("session", sessionList)
                .bind("subscriber", ArrayLiteral.of(subscriber))
                .bind("username", ArrayLiteral.of(username))
                .bind("ip", ArrayLiteral.of(ip))
                .bind("started", ArrayLiteral.ofEpochMicros(started))
                .bind("updated", ArrayLiteral.ofEpochMicros(updated))
                .bind("input", ArrayLiteral.of(input))
                .bind("output", ArrayLiteral.of(output))
                .bind("seconds", ArrayLiteral.of(seconds))
                .bind("stopped", ArrayLiteral.ofEpochMicros(stopped))
                .bind("cause", ArrayLiteral.of(cause))
                .map(row -> readApplied(row, updates))
                .one();
        return lock.then(upsert);
    }

    /**
     * Counts the updates, not the merged rows, as applied: only a NAS the workspace does not have
     * leaves updates out, and it leaves out all of its own.
     */
    private static Applied readApplied(Readable row, List<SessionUpdate> updates) {
        UUID[] nas = row.get("nas", UUID[].class);
        Set<UUID> accepting = nas == null ? Set.of() : Set.of(nas);
        int accepted = (int)
                updates.stream().filter(u -> accepting.contains(u.nasId())).count();
        UUID[] subscribers = row.get("subscribers", UUID[].class);
        if (subscribers == null) {
            return new Applied(accepted, List.of());
        }
        Long[] counted = Objects.requireNonNull(row.get("counted", Long[].class));
        Instant[] at = Objects.requireNonNull(row.get("at", Instant[].class));
        var deltas = new ArrayList<UsageDelta>(subscribers.length);
        for (int i = 0; i < subscribers.length; i++) {
            deltas.add(new UsageDelta(subscribers[i], counted[i], at[i]));
        }
        return new Applied(accepted, deltas);
    }

    /**
     * Folds updates of one session in a batch into one (the statement matches each incoming row
     * against the table, not against its neighbours): maxima of counters and times, the first stop.
     */
    static List<SessionUpdate> merge(List<SessionUpdate> updates) {
        var byKey = new LinkedHashMap<String, List<SessionUpdate>>();
        for (SessionUpdate update : updates) {
            var sessions = byKey.computeIfAbsent(update.nasId() + "/" + update.sessionId(), k -> new ArrayList<>(1));
            int same = -1;
            for (int i = 0; i < sessions.size() && same < 0; i++) {
                Duration apart = Duration.between(sessions.get(i).startedAt(), update.startedAt())
                        .abs();
                if (apart.compareTo(SAME_SESSION) <= 0) {
                    same = i;
                }
            }
            if (same < 0) {
                sessions.add(update);
            } else {
                sessions.set(same, fold(sessions.get(same), update));
            }
        }
        return byKey.values().stream().flatMap(List::stream).toList();
    }

    private static SessionUpdate fold(SessionUpdate a, SessionUpdate b) {
        SessionUpdate newer = b.at().isBefore(a.at()) ? a : b;
        SessionUpdate stop = a.stoppedAt() == null
                ? b
                : b.stoppedAt() == null || !b.stoppedAt().isBefore(a.stoppedAt()) ? a : b;
        return new SessionUpdate(
                a.workspace(),
                a.nasId(),
                a.sessionId(),
                newer.subscriberId() != null ? newer.subscriberId() : (newer == a ? b : a).subscriberId(),
                newer.username() != null ? newer.username() : (newer == a ? b : a).username(),
                newer.framedIpv4() != null ? newer.framedIpv4() : (newer == a ? b : a).framedIpv4(),
                a.startedAt().isBefore(b.startedAt()) ? a.startedAt() : b.startedAt(),
                newer.at(),
                Math.max(a.inputOctets(), b.inputOctets()),
                Math.max(a.outputOctets(), b.outputOctets()),
                Math.max(a.sessionSeconds(), b.sessionSeconds()),
                stop.stoppedAt(),
                stop.terminateCause());
    }

    /** Stops the NAS's open sessions that started before it restarted; returns how many. */
    Mono<Long> stopBefore(WorkspaceId workspace, NasRestarted restart) {
        return db.sql(
                        "UPDATE radius_session SET stopped_at = :at, terminate_cause = :cause,"
                                + " updated_at = GREATEST(updated_at, :at)"
                                + " WHERE workspace_id = :workspace AND nas_id = :nas AND stopped_at IS NULL AND started_at < :at")
                .bind("workspace", workspace.value())
                .bind("nas", restart.nasId())
                .bind("at", restart.at())
                .bind("cause", restart.cause())
                .fetch()
                .rowsUpdated();
    }

    /** The subscriber's sessions, newest first, with ids below {@code before} when given. */
    Flux<RadiusSession> forSubscriber(WorkspaceId workspace, UUID subscriber, Instant now, int limit, Long before) {
        var spec = db.sql("SELECT " + COLUMNS + FROM
                        + " WHERE r.workspace_id = :workspace AND r.subscriber_id = :subscriber"
                        + (before == null ? "" : " AND r.id < :before")
                        + " ORDER BY r.id DESC LIMIT :limit")
                .bind("workspace", workspace.value())
                .bind("subscriber", subscriber)
                .bind("now", now)
                .bind("limit", limit);
        if (before != null) {
            spec = spec.bind("before", before);
        }
        return spec.map(SessionRepository::read).all();
    }

    /** The workspace's open sessions (active or stale), newest first, optionally of one NAS. */
    Flux<RadiusSession> open(WorkspaceId workspace, UUID nas, Instant now, int limit, Long before) {
        var spec = db.sql("SELECT " + COLUMNS + FROM + " WHERE r.workspace_id = :workspace AND r.stopped_at IS NULL"
                        + (nas == null ? "" : " AND r.nas_id = :nas")
                        + (before == null ? "" : " AND r.id < :before")
                        + " ORDER BY r.id DESC LIMIT :limit")
                .bind("workspace", workspace.value())
                .bind("now", now)
                .bind("limit", limit);
        if (nas != null) {
            spec = spec.bind("nas", nas);
        }
        if (before != null) {
            spec = spec.bind("before", before);
        }
        return spec.map(SessionRepository::read).all();
    }

    /** Deletes sessions that stopped before {@code before}. */
    Mono<Long> purgeStoppedBefore(WorkspaceId workspace, Instant before) {
        return db.sql("DELETE FROM radius_session WHERE workspace_id = :workspace AND stopped_at < :before")
                .bind("workspace", workspace.value())
                .bind("before", before)
                .fetch()
                .rowsUpdated();
    }

    private static RadiusSession read(Readable row) {
        return new RadiusSession(
                row.get("id", Long.class),
                row.get("nas_id", UUID.class),
                row.get("session_id", String.class),
                row.get("subscriber_id", UUID.class),
                row.get("username", String.class),
                row.get("framed_ipv4", String.class),
                row.get("started_at", Instant.class),
                row.get("updated_at", Instant.class),
                row.get("stopped_at", Instant.class),
                row.get("terminate_cause", String.class),
                row.get("input_octets", Long.class),
                row.get("output_octets", Long.class),
                row.get("session_seconds", Long.class),
                RadiusSession.Status.valueOf(row.get("status", String.class)));
    }
}
