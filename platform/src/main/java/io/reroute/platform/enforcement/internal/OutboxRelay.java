package io.reroute.platform.enforcement.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.workspace.Workspaces;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Relays committed outbox events to their region's stream, oldest first, then marks them
 * published in the same transaction. A per-workspace advisory lock lets one replica at a time relay
 * a workspace, which keeps each subscriber's events in version order on the stream. A crash after
 * the stream append but before the commit leaves the events unpublished, so they are appended
 * again: at least once, and consumers drop versions they have already seen. Nothing is lost.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final DatabaseClient db;
    private final WorkspaceTransactions transactions;
    private final OutboxPublisher publisher;
    private final Workspaces workspaces;
    private final OutboxProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Set<WorkspaceId> woken = ConcurrentHashMap.newKeySet();
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("outbox-on-commit").factory());

    OutboxRelay(
            DatabaseClient db,
            WorkspaceTransactions transactions,
            OutboxPublisher publisher,
            Workspaces workspaces,
            OutboxProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.db = db;
        this.transactions = transactions;
        this.publisher = publisher;
        this.workspaces = workspaces;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Relays the workspace as soon as the current transaction commits instead of at the next poll,
     * so that a payment's restore reaches the gateways in milliseconds. Best effort: the poll still
     * relays whatever this misses (another replica holding the workspace, an error).
     */
    public Mono<Void> afterCommit(WorkspaceId workspace) {
        if (!properties.relayEnabled()) {
            return Mono.empty();
        }
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(sync -> sync.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        wake(workspace);
                        return Mono.empty();
                    }
                }))
                .onErrorResume(NoTransactionException.class, e -> Mono.empty())
                .then();
    }

    private void wake(WorkspaceId workspace) {
        if (woken.add(workspace)) {
            wakeUps.execute(() -> {
                // Taken off first: a commit during this relay wakes it again.
                woken.remove(workspace);
                try {
                    relay(workspace).block();
                } catch (RuntimeException e) {
                    log.debug(
                            "outbox relay of workspace {} on commit failed; the poll retries: {}",
                            workspace,
                            e.toString());
                }
            });
        }
    }

    @PreDestroy
    void stopWakeUps() {
        wakeUps.shutdownNow();
    }

    @Scheduled(fixedDelayString = "${reroute.outbox.relay-interval:PT0.5S}")
    void onSchedule() {
        if (properties.relayEnabled()) {
            try {
                relayAll().block();
            } catch (RuntimeException e) {
                // The events stay unpublished and go out on the next run.
                log.warn("outbox relay run failed; retrying on the next run: {}", e.toString());
            }
        }
    }

    @Scheduled(fixedDelayString = "${reroute.outbox.purge-interval:PT1H}", initialDelayString = "PT1M")
    void onPurgeSchedule() {
        if (properties.relayEnabled()) {
            long purged = purgeAll().block();
            if (purged > 0) {
                log.info("purged {} published outbox event(s) older than {}", purged, properties.retention());
            }
        }
    }

    /** Relays every workspace with pending events; the number of events published. */
    public Mono<Long> relayAll() {
        return db.sql("SELECT id FROM outbox_pending_workspace_ids() AS id")
                .map(row -> new WorkspaceId(row.get("id", UUID.class)))
                .all()
                .concatMap(this::relay)
                .reduce(0L, Long::sum);
    }

    /** Relays one workspace until its outbox is empty or another replica holds it. */
    public Mono<Long> relay(WorkspaceId workspace) {
        return batch(workspace)
                .expand(published -> published < properties.batchSize() ? Mono.empty() : batch(workspace))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> batch(WorkspaceId workspace) {
        return transactions.inWorkspace(workspace, () -> tryLock(workspace)
                .flatMap(locked -> locked
                        ? pending(workspace).collectList().flatMap(events -> publish(workspace, events))
                        : Mono.just(0L)));
    }

    private Mono<Long> publish(WorkspaceId workspace, List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Mono.just(0L);
        }
        var byRegion = new LinkedHashMap<String, List<OutboxEvent>>();
        events.forEach(e ->
                byRegion.computeIfAbsent(e.region(), r -> new ArrayList<>()).add(e));
        return Flux.fromIterable(byRegion.entrySet())
                .concatMap(group -> publisher
                        .publish(workspace, group.getKey(), group.getValue())
                        .flatMap(streamIds -> markPublished(workspace, group.getValue(), streamIds))
                        .doOnNext(published -> meters.counter(
                                        "reroute.outbox.published",
                                        "region",
                                        group.getKey(),
                                        "workspace",
                                        workspace.toString())
                                .increment(published)))
                .reduce(0L, Long::sum);
    }

    private Mono<Boolean> tryLock(WorkspaceId workspace) {
        return db.sql("SELECT pg_try_advisory_xact_lock(hashtextextended('outbox_relay:' || :workspace, 0)) AS locked")
                .bind("workspace", workspace.toString())
                .map(row -> row.get("locked", Boolean.class))
                .one();
    }

    private Flux<OutboxEvent> pending(WorkspaceId workspace) {
        return db.sql("SELECT id, region, subscriber_id, version, event_type, payload::text AS payload"
                        + " FROM outbox_event WHERE workspace_id = :workspace AND published_at IS NULL"
                        + " ORDER BY id LIMIT :limit")
                .bind("workspace", workspace.value())
                .bind("limit", properties.batchSize())
                .map(row -> new OutboxEvent(
                        row.get("id", Long.class),
                        row.get("region", String.class),
                        row.get("subscriber_id", UUID.class),
                        row.get("version", Long.class),
                        row.get("event_type", String.class),
                        row.get("payload", String.class)))
                .all();
    }

    private Mono<Long> markPublished(WorkspaceId workspace, List<OutboxEvent> events, List<String> streamIds) {
        return db.sql("UPDATE outbox_event o SET published_at = :at, stream_id = c.stream_id"
                        + " FROM unnest(:ids::bigint[], :streamIds::text[]) AS c(id, stream_id)"
                        + " WHERE o.workspace_id = :workspace AND o.id = c.id")
                .bind("at", clock.instant())
                .bind("ids", events.stream().map(OutboxEvent::id).toArray(Long[]::new))
                .bind("streamIds", streamIds.toArray(String[]::new))
                .bind("workspace", workspace.value())
                .fetch()
                .rowsUpdated();
    }

    /** Deletes published events past the retention, every workspace in its own transaction. */
    public Mono<Long> purgeAll() {
        var before = clock.instant().minus(properties.retention());
        return workspaces
                .ids()
                .concatMap(workspace -> transactions.inWorkspace(
                        workspace, () -> db.sql("DELETE FROM outbox_event WHERE workspace_id = :workspace"
                                        + " AND published_at IS NOT NULL AND published_at < :before")
                                .bind("workspace", workspace.value())
                                .bind("before", before)
                                .fetch()
                                .rowsUpdated()))
                .reduce(0L, Long::sum);
    }
}
