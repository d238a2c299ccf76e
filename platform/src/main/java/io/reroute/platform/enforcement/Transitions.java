package io.reroute.platform.enforcement;

import io.reroute.platform.enforcement.internal.EnforcementRepository;
import io.reroute.platform.enforcement.internal.EnforcementRepository.Change;
import io.reroute.platform.enforcement.internal.EnforcementRepository.LockedSubscriber;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The only writer of subscriber states. Each change locks the subscriber row, so concurrent callers
 * (scheduler replicas, a payment, staff) serialise and none changes a state twice; the change, its
 * history row and its outbox event commit together. Callers must be in a workspace transaction.
 */
@Service
public class Transitions {

    private final EnforcementRepository repository;
    private final Clock clock;

    public Transitions(EnforcementRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Tells the region's gateways, in the caller's transaction, about a change to the subscriber that
     * is not a state change (a new subscriber, new credentials), at its current profile version.
     */
    public Mono<Void> profileChanged(WorkspaceId workspace, UUID subscriber) {
        return repository.recordProfileChanged(workspace, subscriber, clock.instant());
    }

    /** Applies what billing calls for today; empty when the subscriber already stands there. */
    public Mono<Optional<SubscriberTransition>> reevaluate(WorkspaceId workspace, UUID subscriber, Actor actor) {
        LocalDate today = today();
        return lock(workspace, subscriber).flatMap(locked -> assess(workspace, subscriber, locked.state(), today)
                .flatMap(assessment -> {
                    var decision = assessment.decision();
                    if (decision.state() == locked.state()) {
                        return Mono.just(Optional.<SubscriberTransition>empty());
                    }
                    return record(workspace, locked, decision.state(), decision.reason(), actor)
                            .map(Optional::of);
                }));
    }

    /** Staff restriction, whatever billing says. */
    public Mono<SubscriberTransition> suspend(WorkspaceId workspace, UUID subscriber, Actor actor, String reason) {
        return lock(workspace, subscriber)
                .flatMap(locked -> locked.state() == SubscriberState.SUSPENDED
                        ? Mono.error(new ConflictException("the subscriber is already suspended"))
                        : record(workspace, locked, SubscriberState.SUSPENDED, "suspended by staff: " + reason, actor));
    }

    /** Ends a staff suspension; the subscriber goes where billing says (which may still be blocked). */
    public Mono<SubscriberTransition> restore(WorkspaceId workspace, UUID subscriber, Actor actor, String reason) {
        LocalDate today = today();
        return lock(workspace, subscriber).flatMap(locked -> {
            if (locked.state() != SubscriberState.SUSPENDED) {
                return Mono.error(new ConflictException(
                        "only a suspended subscriber can be restored; this one is " + locked.state()));
            }
            return assess(workspace, subscriber, SubscriberState.ACTIVE, today).flatMap(assessment -> {
                var decision = assessment.decision();
                return record(
                        workspace,
                        locked,
                        decision.state(),
                        "restored by staff: " + reason + "; " + decision.reason(),
                        actor);
            });
        });
    }

    /**
     * Caps subscribers who used all their data, each with its reason; those not {@code ACTIVE} or
     * {@code WARNED} stay where they are (a block or a suspension already restricts them).
     */
    public Mono<List<SubscriberTransition>> cap(WorkspaceId workspace, Map<UUID, String> reasons, Actor actor) {
        return Flux.fromIterable(new TreeMap<>(reasons).entrySet())
                .concatMap(entry -> repository
                        .find(workspace, entry.getKey(), true)
                        .filter(locked ->
                                locked.state() == SubscriberState.ACTIVE || locked.state() == SubscriberState.WARNED)
                        .map(locked -> new Change(locked, SubscriberState.CAPPED, entry.getValue())))
                .collectList()
                .flatMap(changes -> repository.recordAll(workspace, changes, actor.subject(), clock.instant()));
    }

    /**
     * Ends a data cap once the subscriber has data again (a top-up, a new cycle): they go where
     * billing says. Empty when the subscriber is not capped.
     */
    public Mono<Optional<SubscriberTransition>> uncap(
            WorkspaceId workspace, UUID subscriber, Actor actor, String reason) {
        LocalDate today = today();
        return lock(workspace, subscriber).flatMap(locked -> {
            if (locked.state() != SubscriberState.CAPPED) {
                return Mono.just(Optional.<SubscriberTransition>empty());
            }
            return assess(workspace, subscriber, SubscriberState.ACTIVE, today)
                    .flatMap(assessment -> record(
                            workspace,
                            locked,
                            assessment.decision().state(),
                            reason + "; " + assessment.decision().reason(),
                            actor))
                    .map(Optional::of);
        });
    }

    /** What billing would make of the subscriber on {@code day}, changing nothing. */
    public Mono<Simulation> simulate(WorkspaceId workspace, UUID subscriber, LocalDate day) {
        return repository
                .find(workspace, subscriber, false)
                .switchIfEmpty(Mono.error(new NotFoundException("subscriber")))
                .flatMap(locked -> assess(workspace, subscriber, locked.state(), day)
                        .map(assessment -> new Simulation(
                                day,
                                locked.state(),
                                assessment.decision().state(),
                                assessment.decision().reason(),
                                assessment.overdue().amount(),
                                assessment.overdue().daysOverdue(day))));
    }

    /** The subscriber's state changes, newest first. */
    public Flux<SubscriberTransition> history(
            WorkspaceId workspace, UUID subscriber, int limit, Optional<Long> beforeVersion) {
        return repository.history(workspace, subscriber, limit, beforeVersion);
    }

    /** Billing days are UTC dates for now; a per-workspace time zone is a later setting. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** What billing decides for a subscriber standing at {@code current} on {@code day}, and what is overdue. */
    private Mono<Assessment> assess(WorkspaceId workspace, UUID subscriber, SubscriberState current, LocalDate day) {
        return Mono.zip(repository.overdue(workspace, subscriber, day), repository.thresholds(workspace))
                .map(t -> new Assessment(EnforcementPolicy.decide(current, t.getT1(), t.getT2(), day), t.getT1()));
    }

    private record Assessment(EnforcementPolicy.Decision decision, OverdueBalance overdue) {}

    private Mono<SubscriberTransition> record(
            WorkspaceId workspace, LockedSubscriber locked, SubscriberState to, String reason, Actor actor) {
        return repository
                .recordAll(workspace, List.of(new Change(locked, to, reason)), actor.subject(), clock.instant())
                .map(List::getFirst);
    }

    private Mono<LockedSubscriber> lock(WorkspaceId workspace, UUID subscriber) {
        return repository
                .find(workspace, subscriber, true)
                .switchIfEmpty(Mono.error(new NotFoundException("subscriber")));
    }
}
