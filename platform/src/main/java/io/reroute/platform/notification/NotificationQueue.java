package io.reroute.platform.notification;

import io.reroute.platform.enforcement.SubscriberTransition;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Queues the mails that transitions call for, in the transition's own transaction: a mail is sent
 * only for a committed transition, and the row's unique key (subscriber, version, kind) means a
 * transition can never queue the same mail twice. The dispatcher sends them after commit.
 */
@Component
public class NotificationQueue {

    private final DatabaseClient db;

    NotificationQueue(DatabaseClient db) {
        this.db = db;
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

    /** TEMPORARY until the usage-alerts branch is merged. */
    public Mono<Void> enqueueUsageAlerts(WorkspaceId workspace, List<UsageAlert> alerts, Instant at) {
        return Mono.empty();
    }
}
