package io.reroute.platform.enforcement.internal;

import io.reroute.platform.enforcement.EnforcementPolicy;
import io.reroute.platform.enforcement.Transitions;
import io.reroute.platform.enforcement.internal.EnforcementRepository.Candidate;
import io.reroute.platform.enforcement.internal.EnforcementRepository.Change;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.workspace.EnforcementThresholds;
import io.reroute.platform.workspace.Workspaces;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The scheduler side of the state machine: walks every workspace's subscribers that billing may
 * move (anyone not ACTIVE, and ACTIVE ones with something overdue) and applies the policy.
 * Safe on any number of replicas at once: each batch locks its rows with {@code SKIP LOCKED}, so
 * replicas take disjoint rows, and a row changed by a payment meanwhile is simply skipped this run.
 */
@Component
public class OverdueEvaluation {

    private static final Logger log = LoggerFactory.getLogger(OverdueEvaluation.class);
    private static final Actor SCHEDULER = new Actor("scheduler");
    private static final int BATCH = 500;

    private final Workspaces workspaces;
    private final WorkspaceTransactions transactions;
    private final EnforcementRepository repository;
    private final Transitions transitions;
    private final Clock clock;
    private final boolean enabled;

    OverdueEvaluation(
            Workspaces workspaces,
            WorkspaceTransactions transactions,
            EnforcementRepository repository,
            Transitions transitions,
            Clock clock,
            @Value("${reroute.enforcement.scheduler-enabled:true}") boolean enabled) {
        this.workspaces = workspaces;
        this.transactions = transactions;
        this.repository = repository;
        this.transitions = transitions;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(
            fixedDelayString = "${reroute.enforcement.evaluation-interval:PT5M}",
            initialDelayString = "${reroute.enforcement.evaluation-initial-delay:PT30S}")
    void onSchedule() {
        if (enabled) {
            long changed = evaluateAll().block();
            if (changed > 0) {
                log.info("overdue evaluation changed {} subscriber state(s)", changed);
            }
        }
    }

    /** One pass over every workspace; the number of state changes made. */
    public Mono<Long> evaluateAll() {
        return workspaces.ids().concatMap(this::evaluate).reduce(0L, Long::sum);
    }

    /** One pass over one workspace, batch by batch, each batch in its own transaction. */
    public Mono<Long> evaluate(WorkspaceId workspace) {
        LocalDate today = transitions.today();
        // PostgreSQL orders uuids as unsigned bytes: the all-zero uuid sorts first.
        return batch(workspace, today, new UUID(0, 0))
                .expand(result -> result.size() < BATCH ? Mono.empty() : batch(workspace, today, result.lastId()))
                .map(BatchResult::changed)
                .reduce(0L, Long::sum);
    }

    private Mono<BatchResult> batch(WorkspaceId workspace, LocalDate today, UUID after) {
        return transactions.inWorkspace(
                workspace, () -> repository.thresholds(workspace).flatMap(thresholds -> repository
                        .lockCandidates(workspace, today, after, BATCH)
                        .collectList()
                        .flatMap(rows -> {
                            var changes = changes(rows, thresholds, today);
                            UUID last = rows.isEmpty()
                                    ? after
                                    : rows.getLast().subscriber().id();
                            return repository
                                    .recordAll(workspace, changes, SCHEDULER.subject(), clock.instant())
                                    .map(recorded -> new BatchResult(rows.size(), last, recorded.size()));
                        })));
    }

    private static List<Change> changes(List<Candidate> rows, EnforcementThresholds thresholds, LocalDate today) {
        var changes = new ArrayList<Change>();
        for (Candidate row : rows) {
            var decision = EnforcementPolicy.decide(row.subscriber().state(), row.overdue(), thresholds, today);
            if (decision.state() != row.subscriber().state()) {
                changes.add(new Change(row.subscriber(), decision.state(), decision.reason()));
            }
        }
        return changes;
    }

    private record BatchResult(int size, UUID lastId, long changed) {}
}
