package io.reroute.platform.session.internal;

import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.workspace.Workspaces;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes sessions that stopped, and enforcement steps taken, longer ago than the retention, one
 * workspace at a time.
 */
@Component
class SessionRetention {

    private static final Logger log = LoggerFactory.getLogger(SessionRetention.class);

    private final Workspaces workspaces;
    private final WorkspaceTransactions transactions;
    private final SessionRepository sessions;
    private final EnforcementHistory history;
    private final AccountingProperties properties;
    private final Clock clock;

    SessionRetention(
            Workspaces workspaces,
            WorkspaceTransactions transactions,
            SessionRepository sessions,
            EnforcementHistory history,
            AccountingProperties properties,
            Clock clock) {
        this.workspaces = workspaces;
        this.transactions = transactions;
        this.sessions = sessions;
        this.history = history;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT5M")
    void onSchedule() {
        long purged = purge().block();
        if (purged > 0) {
            log.info("purged {} session(s) and enforcement step(s) older than {}", purged, properties.retention());
        }
    }

    Mono<Long> purge() {
        var before = clock.instant().minus(properties.retention());
        return workspaces
                .ids()
                .concatMap(workspace ->
                        transactions.inWorkspace(workspace, () -> sessions.purgeStoppedBefore(workspace, before)
                                .zipWith(history.purgeBefore(workspace, before), Long::sum)))
                .reduce(0L, Long::sum);
    }
}
