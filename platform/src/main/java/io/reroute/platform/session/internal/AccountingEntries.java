package io.reroute.platform.session.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.reroute.platform.router.Routers;
import io.reroute.platform.session.internal.AccountingEntry.EnforcementReport;
import io.reroute.platform.session.internal.AccountingEntry.InvalidEntry;
import io.reroute.platform.session.internal.AccountingEntry.NasRestarted;
import io.reroute.platform.session.internal.AccountingEntry.RouterReported;
import io.reroute.platform.session.internal.AccountingEntry.SessionUpdate;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.usage.UsageLedger;
import io.reroute.platform.workspace.Workspace;
import io.reroute.platform.workspace.Workspaces;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies a batch of a region's accounting entries: one transaction per workspace, the workspace's
 * entries in stream order. A region's gateways speak only for that region's workspaces and a
 * workspace's own NAS clients; anything else, and anything malformed, is dropped and counted (it
 * would fail the same way again).
 */
@Component
class AccountingEntries {

    private static final Logger log = LoggerFactory.getLogger(AccountingEntries.class);
    private static final int SESSIONS_PER_STATEMENT = 2000;

    private final WorkspaceTransactions transactions;
    private final Workspaces workspaces;
    private final SessionRepository sessions;
    private final EnforcementHistory enforcement;
    private final Routers routers;
    private final UsageLedger usage;
    private final MeterRegistry meters;

    AccountingEntries(
            WorkspaceTransactions transactions,
            Workspaces workspaces,
            SessionRepository sessions,
            EnforcementHistory enforcement,
            Routers routers,
            UsageLedger usage,
            MeterRegistry meters) {
        this.transactions = transactions;
        this.workspaces = workspaces;
        this.sessions = sessions;
        this.enforcement = enforcement;
        this.routers = routers;
        this.usage = usage;
        this.meters = meters;
    }

    /** Applies the entries (their fields, in stream order); completes once every workspace committed. */
    Mono<Void> apply(String region, List<Map<String, String>> entries) {
        var byWorkspace = new LinkedHashMap<WorkspaceId, List<AccountingEntry>>();
        for (Map<String, String> fields : entries) {
            try {
                for (AccountingEntry entry : AccountingEntry.read(fields)) {
                    byWorkspace
                            .computeIfAbsent(entry.workspace(), w -> new ArrayList<>())
                            .add(entry);
                }
            } catch (InvalidEntry e) {
                log.warn("Dropped a malformed entry of region {}'s accounting stream: {}", region, e.getMessage());
                dropped(region, "malformed", 1);
            }
        }
        return Flux.fromIterable(byWorkspace.entrySet())
                .concatMap(group -> applyInWorkspace(region, group.getKey(), group.getValue()))
                .then();
    }

    /**
     * Applies a workspace's entries in stream order, a transaction per run of one kind and per
     * statement of session updates (each holds an advisory lock per session until it commits, and a
     * read may carry tens of thousands). Committing part of a batch is safe: applying an entry again
     * changes nothing, and the batch is acknowledged only once all of it committed.
     */
    private Mono<Void> applyInWorkspace(String region, WorkspaceId workspace, List<AccountingEntry> entries) {
        return transactions
                .inWorkspace(workspace, () -> workspaces.find(workspace))
                .map(Workspace::region)
                .defaultIfEmpty("")
                .flatMap(workspaceRegion -> {
                    if (!workspaceRegion.equals(region)) {
                        log.warn(
                                "Dropped {} accounting entries of workspace {} from region {}: not a workspace of that region",
                                entries.size(),
                                workspace,
                                region);
                        dropped(region, "foreign-workspace", entries.size());
                        return Mono.empty();
                    }
                    return Flux.fromIterable(runs(entries))
                            .concatMap(run -> applyRun(region, workspace, run))
                            .then();
                });
    }

    /** Session updates commit per statement (see below); any other run as one transaction. */
    private Mono<Void> applyRun(String region, WorkspaceId workspace, List<AccountingEntry> run) {
        return switch (run.getFirst()) {
            case SessionUpdate u -> applySessionUpdates(region, workspace, only(run, SessionUpdate.class));
            case NasRestarted r ->
                transactions.inWorkspace(workspace, () -> Flux.fromIterable(run)
                        .concatMap(restart -> sessions.stopBefore(workspace, (NasRestarted) restart))
                        .then(Mono.fromRunnable(() -> applied(region, workspace, run.size()))));
            case EnforcementReport e ->
                transactions.inWorkspace(workspace, () -> enforcement
                        .record(workspace, region, only(run, EnforcementReport.class))
                        .doOnNext(accepted -> counted(region, workspace, run.size(), accepted, "unknown-subscriber"))
                        .then());
            case RouterReported r ->
                transactions.inWorkspace(workspace, () -> Flux.fromIterable(only(run, RouterReported.class))
                        .concatMap(reported -> routers.record(workspace, reported.report()))
                        .filter(Boolean::booleanValue)
                        .count()
                        .doOnNext(accepted ->
                                counted(region, workspace, run.size(), accepted.intValue(), "unknown-router"))
                        .then());
        };
    }

    /**
     * Session updates in bounded statements, each in its own transaction with the usage it counted
     * (so a byte is counted exactly when its session total grows).
     */
    private Mono<Void> applySessionUpdates(String region, WorkspaceId workspace, List<SessionUpdate> run) {
        return Flux.fromIterable(partition(run, SESSIONS_PER_STATEMENT))
                .flatMap(
                        updates -> transactions.inWorkspace(workspace, () -> sessions.apply(workspace, updates)
                                .flatMap(applied -> usage.credit(workspace, applied.counted())
                                        .thenReturn(applied.accepted()))
                                .doOnNext(accepted ->
                                        counted(region, workspace, updates.size(), accepted, "unknown-nas"))),
                        2)
                .then();
    }

    private void counted(String region, WorkspaceId workspace, int entries, int accepted, String reason) {
        applied(region, workspace, accepted);
        if (accepted < entries) {
            log.warn("Dropped {} accounting entries of workspace {}: {}", entries - accepted, workspace, reason);
            dropped(region, reason, entries - accepted);
        }
    }

    private static <T> List<List<T>> partition(List<T> all, int size) {
        var parts = new ArrayList<List<T>>((all.size() + size - 1) / size);
        for (int from = 0; from < all.size(); from += size) {
            parts.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return parts;
    }

    /** Consecutive entries of one kind: updates and reports apply as a set, restarts between them in order. */
    private static List<List<AccountingEntry>> runs(List<AccountingEntry> entries) {
        var runs = new ArrayList<List<AccountingEntry>>();
        for (AccountingEntry entry : entries) {
            if (runs.isEmpty() || runs.getLast().getFirst().getClass() != entry.getClass()) {
                runs.add(new ArrayList<>());
            }
            runs.getLast().add(entry);
        }
        return runs;
    }

    private static <T extends AccountingEntry> List<T> only(List<AccountingEntry> run, Class<T> type) {
        return run.stream().map(type::cast).toList();
    }

    private void applied(String region, WorkspaceId workspace, int count) {
        meters.counter("reroute.accounting.applied", "region", region, "workspace", workspace.toString())
                .increment(count);
    }

    private void dropped(String region, String reason, int count) {
        meters.counter("reroute.accounting.dropped", "region", region, "reason", reason)
                .increment(count);
    }
}
