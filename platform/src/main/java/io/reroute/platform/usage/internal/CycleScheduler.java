package io.reroute.platform.usage.internal;

import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.usage.UsageLedger;
import io.reroute.platform.workspace.Workspaces;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Opens the next data cycle of subscribers whose cycle ended, without waiting for their next usage:
 * a capped subscriber is restored when the cycle resets, rollovers are carried and gateways hear the
 * new allowance. Safe on several replicas: each batch locks its subscribers, and a subscriber whose
 * cycle another replica already opened is left as it is.
 */
@Component
public class CycleScheduler {

    private static final Logger log = LoggerFactory.getLogger(CycleScheduler.class);
    private static final int BATCH = 500;

    private final Workspaces workspaces;
    private final WorkspaceTransactions transactions;
    private final UsageRepository repository;
    private final UsageLedger ledger;
    private final Clock clock;
    private final boolean enabled;

    CycleScheduler(
            Workspaces workspaces,
            WorkspaceTransactions transactions,
            UsageRepository repository,
            UsageLedger ledger,
            Clock clock,
            @Value("${reroute.usage.scheduler-enabled:true}") boolean enabled) {
        this.workspaces = workspaces;
        this.transactions = transactions;
        this.repository = repository;
        this.ledger = ledger;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(
            fixedDelayString = "${reroute.usage.cycle-interval:PT1M}",
            initialDelayString = "${reroute.usage.cycle-initial-delay:PT20S}")
    void onSchedule() {
        if (enabled) {
            long opened = advanceAll().block();
            if (opened > 0) {
                log.info("opened the next data cycle of {} subscriber(s)", opened);
            }
        }
    }

    /** One pass over every workspace; how many subscribers' cycles were opened. */
    public Mono<Long> advanceAll() {
        return workspaces.ids().concatMap(this::advance).reduce(0L, Long::sum);
    }

    /** One pass over one workspace, a batch per transaction. */
    public Mono<Long> advance(WorkspaceId workspace) {
        Instant now = clock.instant();
        return batch(workspace, now)
                .expand(opened -> opened < BATCH ? Mono.empty() : batch(workspace, now))
                .reduce(0L, Long::sum);
    }

    private Mono<Integer> batch(WorkspaceId workspace, Instant now) {
        return transactions.inWorkspace(workspace, () -> repository
                .endedCycles(workspace, now, BATCH)
                .collectList()
                .flatMap(ended -> ended.isEmpty() ? Mono.just(0) : ledger.advance(workspace, ended)));
    }
}
