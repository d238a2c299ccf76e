package io.reroute.platform.notification;

import io.reroute.platform.enforcement.SubscriberTransition;
import io.reroute.platform.notification.internal.UsageDetail;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues the mails that transitions call for and the usage ledger's alerts, in the caller's own
 * transaction: a message is sent only for what committed, and the row's unique key (subscriber,
 * version, kind, channel) means the same message can never be queued twice. The dispatcher sends
 * them after commit.
 */
@Component
public class NotificationQueue {

    private final DatabaseClient db;
    private final JsonMapper json;
    private final SmsProperties sms;

    NotificationQueue(DatabaseClient db, JsonMapper json, SmsProperties sms) {
        this.db = db;
        this.json = json;
        this.sms = sms;
    }

    /**
     * A reminder with a fresh pay link, asked for now (by staff, or by the subscriber from the
     * portal). Its version is minus the second it was asked for, apart from the state versions of
     * automatic ones, so asking twice within a second queues one mail.
     */
    public Mono<Void> remindNow(WorkspaceId workspace, UUID subscriber, Instant at) {
        return db.sql("INSERT INTO notification"
                        + " (workspace_id, subscriber_id, version, kind, status, attempts, next_attempt_at, created_at)"
                        + " VALUES (:workspace, :subscriber, :version, 'REMINDER', 'PENDING', 0, :at, :at)"
                        + " ON CONFLICT DO NOTHING")
                .bind("workspace", workspace.value())
                .bind("subscriber", subscriber)
                .bind("version", -at.getEpochSecond())
                .bind("at", at)
                .then();
    }

    /** {@code subscribers[i]} made {@code transitions.get(i)}; queues what each one announces. */
    public Mono<Void> enqueue(
            WorkspaceId workspace, UUID[] subscribers, List<SubscriberTransition> transitions, Instant at) {
        var ids = new ArrayList<UUID>();
        var versions = new ArrayList<Long>();
        var kinds = new ArrayList<String>();
        for (int i = 0; i < subscribers.length; i++) {
            var transition = transitions.get(i);
            var subscriber = subscribers[i];
            NotificationKind.announcing(transition.from(), transition.to()).ifPresent(kind -> {
                ids.add(subscriber);
                versions.add(transition.version());
                kinds.add(kind.name());
            });
        }
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("INSERT INTO notification"
                        + " (workspace_id, subscriber_id, version, kind, status, attempts, next_attempt_at, created_at)"
                        + " SELECT :workspace, c.id, c.version, c.kind, 'PENDING', 0, :at, :at"
                        + " FROM unnest(:ids::uuid[], :versions::bigint[], :kinds::text[]) AS c(id, version, kind)"
                        + " ON CONFLICT DO NOTHING")
                .bind("workspace", workspace.value())
                .bind("at", at)
                .bind("ids", ids.toArray(UUID[]::new))
                .bind("versions", versions.toArray(Long[]::new))
                .bind("kinds", kinds.toArray(String[]::new))
                .fetch()
                .rowsUpdated()
                .then();
    }

    /**
     * Queues a mail for each alert and, unless SMS are switched off, an SMS; in the caller's workspace
     * transaction. A threshold alerts once per cycle and channel: alerting it again queues nothing.
     */
    public Mono<Void> enqueueUsageAlerts(WorkspaceId workspace, List<UsageAlert> alerts, Instant at) {
        var ids = new ArrayList<UUID>();
        var versions = new ArrayList<Long>();
        var channels = new ArrayList<String>();
        var details = new ArrayList<String>();
        for (UsageAlert alert : alerts) {
            String detail = json.writeValueAsString(UsageDetail.of(alert));
            for (NotificationChannel channel : NotificationChannel.values()) {
                if (channel == NotificationChannel.SMS && !sms.enabled()) {
                    continue;
                }
                ids.add(alert.subscriberId());
                versions.add(alert.notificationVersion());
                channels.add(channel.name());
                details.add(detail);
            }
        }
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("INSERT INTO notification (workspace_id, subscriber_id, version, kind, channel, detail, status,"
                        + " attempts, next_attempt_at, created_at)"
                        + " SELECT :workspace, c.id, c.version, :kind, c.channel, c.detail::jsonb, 'PENDING', 0, :at, :at"
                        + " FROM unnest(:ids::uuid[], :versions::bigint[], :channels::text[], :details::text[])"
                        + " AS c(id, version, channel, detail)"
                        + " ON CONFLICT DO NOTHING")
                .bind("workspace", workspace.value())
                .bind("kind", NotificationKind.USAGE_ALERT.name())
                .bind("at", at)
                .bind("ids", ids.toArray(UUID[]::new))
                .bind("versions", versions.toArray(Long[]::new))
                .bind("channels", channels.toArray(String[]::new))
                .bind("details", details.toArray(String[]::new))
                .fetch()
                .rowsUpdated()
                .then();
    }
}
