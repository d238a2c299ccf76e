package io.reroute.platform.usage;

import io.reroute.platform.enforcement.GatewayMessages;
import io.reroute.platform.enforcement.SubscriberQuotaEvent;
import io.reroute.platform.enforcement.Transitions;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.usage.internal.Ledgers;
import io.reroute.platform.usage.internal.Ledgers.Outcome;
import io.reroute.platform.usage.internal.UsageRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts subscribers' data and acts on it: alerts at the plan's thresholds, caps at 100 % by a
 * state change (which gateways push to the open session by CoA at once), ends the cap when data is
 * there again, and keeps gateways told what is left. Callers must be in a workspace transaction;
 * the subscribers are locked for its rest, so replicas crediting the same subscriber serialise.
 */
@Service
public class UsageLedger {

    private static final Actor USAGE = new Actor("usage");

    private final Ledgers ledgers;
    private final UsageRepository repository;
    private final Transitions transitions;
    private final GatewayMessages gateways;
    private final Clock clock;

    UsageLedger(
            Ledgers ledgers,
            UsageRepository repository,
            Transitions transitions,
            GatewayMessages gateways,
            Clock clock) {
        this.ledgers = ledgers;
        this.repository = repository;
        this.transitions = transitions;
        this.gateways = gateways;
        this.clock = clock;
    }

    /**
     * Credits usage that accounting counted for the first time. Deltas of one subscriber are summed
     * and count in the cycle of the latest one.
     */
    public Mono<Void> credit(WorkspaceId workspace, Collection<UsageDelta> deltas) {
        var merged = new LinkedHashMap<UUID, UsageDelta>();
        for (UsageDelta delta : deltas) {
            if (delta.bytes() > 0) {
                merged.merge(
                        delta.subscriberId(),
                        delta,
                        (a, b) -> new UsageDelta(
                                a.subscriberId(), a.bytes() + b.bytes(), a.at().isAfter(b.at()) ? a.at() : b.at()));
            }
        }
        if (merged.isEmpty()) {
            return Mono.empty();
        }
        return ledgers.credit(workspace, merged, now(), USAGE.subject()).flatMap(outcome -> act(workspace, outcome));
    }

    /** Opens the cycles of subscribers whose cycle ended: rollovers carried, caps ended, gateways told. */
    public Mono<Integer> advance(WorkspaceId workspace, Collection<UUID> subscribers) {
        var none = new LinkedHashMap<UUID, UsageDelta>();
        Instant now = now();
        subscribers.forEach(s -> none.put(s, new UsageDelta(s, 0, now)));
        return ledgers.apply(workspace, none, now, USAGE.subject())
                .flatMap(outcome -> act(workspace, outcome).thenReturn(subscribers.size()));
    }

    /** Adds a top-up and ends a cap it lifts, through the normal enforcement path. */
    public Mono<DataGrant> topUp(WorkspaceId workspace, UUID subscriber, UUID product, String reference, Actor actor) {
        Instant now = now();
        return ledgers.topUp(workspace, subscriber, product, reference, actor.subject(), now)
                .flatMap(result -> act(workspace, result.outcome()).thenReturn(result.grant()));
    }

    /** The top-ups on sale, smallest first. */
    public Flux<TopUpProduct> productsOnSale(WorkspaceId workspace) {
        return repository.listProducts(workspace, true);
    }

    public Mono<TopUpProduct> product(WorkspaceId workspace, UUID product) {
        return repository.findProduct(workspace, product);
    }

    /** The subscriber's data this cycle, as of now. */
    public Mono<Usage> usage(WorkspaceId workspace, UUID subscriber) {
        return ledgers.usage(workspace, subscriber, now());
    }

    /** What using {@code bytes} now would do; changes nothing. */
    public Mono<UsageSimulation> simulate(WorkspaceId workspace, UUID subscriber, long bytes) {
        return ledgers.simulate(workspace, subscriber, bytes, now());
    }

    /** The subscriber's top-ups, newest first; an error for a subscriber the workspace does not have. */
    public Flux<DataGrant> topUps(WorkspaceId workspace, UUID subscriber, int limit) {
        return ledgers.topUps(workspace, subscriber, limit);
    }

    /**
     * The ledger's time, at PostgreSQL's precision: a top-up stored as valid from now must still be
     * valid at the now it is applied at, which a timestamp rounded up to the microsecond is not.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Mono<Void> act(WorkspaceId workspace, Outcome outcome) {
        Mono<?> caps = outcome.caps().isEmpty() ? Mono.empty() : transitions.cap(workspace, outcome.caps(), USAGE);
        Mono<Void> uncaps = Flux.fromIterable(outcome.uncaps().entrySet())
                .concatMap(e -> transitions.uncap(workspace, e.getKey(), USAGE, e.getValue()))
                .then();
        List<SubscriberQuotaEvent> quotas = new ArrayList<>();
        outcome.remaining()
                .forEach((subscriber, remaining) ->
                        quotas.add(new SubscriberQuotaEvent(workspace, subscriber, remaining, outcome.at())));
        return caps.then(uncaps)
                .then(ledgers.alert(workspace, outcome.alerts(), outcome.at()))
                .then(gateways.sendQuotas(workspace, quotas));
    }
}
