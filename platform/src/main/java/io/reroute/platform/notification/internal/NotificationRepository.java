package io.reroute.platform.notification.internal;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import io.reroute.platform.notification.MailTemplate;
import io.reroute.platform.notification.Notification;
import io.reroute.platform.notification.NotificationChannel;
import io.reroute.platform.notification.NotificationKind;
import io.reroute.platform.notification.NotificationStatus;
import io.reroute.platform.tenancy.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Queued notifications and mail templates. Every call runs inside a workspace transaction and names the workspace. */
@Repository
class NotificationRepository {

    private static final String COLUMNS = "id, subscriber_id, version, kind, channel, status, attempts, recipient,"
            + " last_error, created_at, next_attempt_at, sent_at";

    private final DatabaseClient db;
    private final JsonMapper json;

    NotificationRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Takes up to {@code limit} due notifications, counting the attempt and leasing them until
     * {@code leaseUntil} so no other run takes them meanwhile; rows another transaction holds are
     * skipped. With what the message needs: the subscriber, their open balance, a usage alert's figures.
     */
    Flux<Claimed> claimDue(WorkspaceId workspace, Instant at, Instant leaseUntil, int limit) {
        return db.sql("WITH due AS (SELECT id FROM notification WHERE workspace_id = :workspace"
                        + " AND status = 'PENDING' AND next_attempt_at <= :at"
                        + " ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED),"
                        + " claimed AS (UPDATE notification n SET attempts = n.attempts + 1, next_attempt_at = :lease"
                        + " FROM due WHERE n.workspace_id = :workspace AND n.id = due.id"
                        + " RETURNING n.id, n.subscriber_id, n.kind, n.channel, n.detail, n.attempts)"
                        + " SELECT c.id, c.kind, c.channel, c.detail, c.attempts, s.id AS subscriber_id, s.name,"
                        + " s.email, s.phone, s.account_number,"
                        + " o.amount, o.currency, o.oldest"
                        + " FROM claimed c JOIN subscriber s ON s.workspace_id = :workspace AND s.id = c.subscriber_id"
                        + " CROSS JOIN LATERAL (SELECT coalesce(sum(i.amount), 0) AS amount, min(i.currency) AS currency,"
                        + " min(i.due_date) AS oldest FROM invoice i WHERE i.workspace_id = :workspace"
                        + " AND i.subscriber_id = s.id AND i.status = 'OPEN') o ORDER BY c.id")
                .bind("workspace", workspace.value())
                .bind("at", at)
                .bind("lease", leaseUntil)
                .bind("limit", limit)
                .map(row -> new Claimed(
                        row.get("id", Long.class),
                        NotificationKind.valueOf(row.get("kind", String.class)),
                        NotificationChannel.valueOf(row.get("channel", String.class)),
                        row.get("attempts", Integer.class),
                        row.get("subscriber_id", UUID.class),
                        row.get("name", String.class),
                        row.get("email", String.class),
                        row.get("phone", String.class),
                        row.get("account_number", String.class),
                        row.get("amount", BigDecimal.class),
                        row.get("currency", String.class),
                        row.get("oldest", LocalDate.class),
                        usage(row.get("detail", Json.class))))
                .all();
    }

    private UsageDetail usage(Json detail) {
        return detail == null ? null : json.readValue(detail.asString(), UsageDetail.class);
    }

    Mono<Void> markSent(WorkspaceId workspace, long id, String recipient, Instant at) {
        return update(
                workspace,
                id,
                "status = 'SENT', recipient = :recipient, sent_at = :at, last_error = NULL",
                Map.of("recipient", recipient, "at", at));
    }

    Mono<Void> markSkipped(WorkspaceId workspace, long id, String reason) {
        return update(workspace, id, "status = 'SKIPPED', last_error = :error", Map.of("error", reason));
    }

    Mono<Void> markFailed(WorkspaceId workspace, long id, String recipient, String error) {
        return update(
                workspace,
                id,
                "status = 'FAILED', recipient = :recipient, last_error = :error",
                Map.of("recipient", recipient, "error", error));
    }

    Mono<Void> markRetry(WorkspaceId workspace, long id, String recipient, String error, Instant next) {
        return update(
                workspace,
                id,
                "recipient = :recipient, last_error = :error, next_attempt_at = :next",
                Map.of("recipient", recipient, "error", error, "next", next));
    }

    private Mono<Void> update(WorkspaceId workspace, long id, String set, Map<String, Object> values) {
        return db.sql("UPDATE notification SET " + set + " WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .bindValues(values)
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** Newest first; {@code beforeId} pages back. */
    Flux<Notification> list(WorkspaceId workspace, UUID subscriber, int limit, Optional<Long> beforeId) {
        return db.sql("SELECT " + COLUMNS + " FROM notification WHERE workspace_id = :workspace"
                        + " AND subscriber_id = :subscriber"
                        + beforeId.map(b -> " AND id < :before").orElse("")
                        + " ORDER BY id DESC LIMIT :limit")
                .bind("workspace", workspace.value())
                .bind("subscriber", subscriber)
                .bind("limit", limit)
                .bindValues(
                        beforeId.map(b -> Map.<String, Object>of("before", b)).orElse(Map.of()))
                .map(NotificationRepository::read)
                .all();
    }

    /** The workspace's own templates; kinds without one use the default. */
    Mono<Map<NotificationKind, MailTemplate>> templates(WorkspaceId workspace) {
        return db.sql("SELECT kind, subject, body FROM mail_template WHERE workspace_id = :workspace")
                .bind("workspace", workspace.value())
                .map(row -> Map.entry(
                        NotificationKind.valueOf(row.get("kind", String.class)),
                        new MailTemplate(row.get("subject", String.class), row.get("body", String.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(NotificationKind.class));
    }

    Mono<Void> saveTemplate(WorkspaceId workspace, NotificationKind kind, MailTemplate template, Instant at) {
        return db.sql("INSERT INTO mail_template (workspace_id, kind, subject, body, updated_at)"
                        + " VALUES (:workspace, :kind, :subject, :body, :at)"
                        + " ON CONFLICT (workspace_id, kind) DO UPDATE SET subject = excluded.subject,"
                        + " body = excluded.body, updated_at = excluded.updated_at")
                .bind("workspace", workspace.value())
                .bind("kind", kind.name())
                .bind("subject", template.subject())
                .bind("body", template.body())
                .bind("at", at)
                .fetch()
                .rowsUpdated()
                .then();
    }

    Mono<Long> deleteTemplate(WorkspaceId workspace, NotificationKind kind) {
        return db.sql("DELETE FROM mail_template WHERE workspace_id = :workspace AND kind = :kind")
                .bind("workspace", workspace.value())
                .bind("kind", kind.name())
                .fetch()
                .rowsUpdated();
    }

    private static Notification read(Readable row) {
        return new Notification(
                row.get("id", Long.class),
                row.get("subscriber_id", UUID.class),
                row.get("version", Long.class),
                NotificationKind.valueOf(row.get("kind", String.class)),
                NotificationChannel.valueOf(row.get("channel", String.class)),
                NotificationStatus.valueOf(row.get("status", String.class)),
                row.get("attempts", Integer.class),
                row.get("recipient", String.class),
                row.get("last_error", String.class),
                row.get("created_at", Instant.class),
                row.get("next_attempt_at", Instant.class),
                row.get("sent_at", Instant.class));
    }

    /** A claimed notification with what rendering it needs; {@code usage} only for usage alerts. */
    record Claimed(
            long id,
            NotificationKind kind,
            NotificationChannel channel,
            int attempts,
            UUID subscriberId,
            String name,
            String email,
            String phone,
            String accountNumber,
            BigDecimal amountDue,
            String currency,
            LocalDate oldestDue,
            UsageDetail usage) {}
}
