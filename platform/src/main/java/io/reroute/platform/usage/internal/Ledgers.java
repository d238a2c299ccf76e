package io.reroute.platform.usage.internal;

import io.reroute.platform.enforcement.SubscriberState;
import io.reroute.platform.notification.NotificationQueue;
import io.reroute.platform.notification.UsageAlert;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.usage.DataGrant;
import io.reroute.platform.usage.Usage;
import io.reroute.platform.usage.UsageDelta;
import io.reroute.platform.usage.UsageSimulation;
import io.reroute.platform.usage.internal.Account.Grant;
import io.reroute.platform.usage.internal.UsageRepository.AccountRow;
import io.reroute.platform.usage.internal.UsageRepository.StoredGrant;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.InvalidRequestException;
import io.reroute.platform.web.NotFoundException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads subscribers' {@link Account}s, applies usage or time to them and writes them back, saying
 * what must follow (caps, ends of caps, alerts, what gateways must hear); {@code UsageLedger} makes
 * it follow. The usage view and the simulator run the same accounts without writing.
 */
@Component
public class Ledgers {

    private final UsageRepository repository;
    private final NotificationQueue notifications;

    Ledgers(UsageRepository repository, NotificationQueue notifications) {
        this.repository = repository;
        this.notifications = notifications;
    }

    /**
     * What applying a ledger calls for.
     *
     * @param caps subscribers to cap, with the reason
     * @param uncaps capped subscribers with data again, with the reason
     * @param remaining what gateways must be told each subscriber has left
     */
    public record Outcome(
            Instant at,
            Map<UUID, String> caps,
            Map<UUID, String> uncaps,
            List<UsageAlert> alerts,
            Map<UUID, Long> remaining) {

        static Outcome none(Instant at) {
            return new Outcome(at, Map.of(), Map.of(), List.of(), Map.of());
        }
    }

    /** A top-up added, and what it calls for. */
    public record TopUpResult(DataGrant grant, Outcome outcome) {}

    /**
     * Credits usage that accounting counted for the first time, one delta per subscriber: quietly
     * where the cycle can take it ({@link Account#quiet}), through {@link #apply} for the rest.
     */
    public Mono<Outcome> credit(WorkspaceId workspace, Map<UUID, UsageDelta> deltas, Instant now, String actor) {
        return repository.creditQuietly(workspace, deltas.values(), now).flatMap(credited -> {
            var rest = new LinkedHashMap<>(deltas);
            rest.keySet().removeAll(credited);
            return apply(workspace, rest, now, actor);
        });
    }

    /** Whether reaching the cap moves a subscriber standing at {@code state} (blocks and suspensions stay). */
    static boolean cappable(SubscriberState state) {
        return state == SubscriberState.ACTIVE || state == SubscriberState.WARNED;
    }

    /**
     * Credits each subscriber's usage in the cycle of its time, brings the cycle up to {@code now},
     * and writes the accounts back. Subscribers the workspace does not have are left out.
     */
    public Mono<Outcome> apply(WorkspaceId workspace, Map<UUID, UsageDelta> deltas, Instant now, String actor) {
        if (deltas.isEmpty()) {
            return Mono.just(Outcome.none(now));
        }
        return load(workspace, deltas.keySet(), true).flatMap(accounts -> {
            var outcome = new Outcome(
                    now, new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>(), new LinkedHashMap<>());
            for (Account account : accounts) {
                UsageDelta delta = deltas.get(account.subscriber);
                account.advanceTo(delta.at());
                if (delta.bytes() > 0) {
                    account.credit(delta.bytes(), delta.at());
                }
                account.advanceTo(now);
                decide(account, now, outcome);
            }
            return repository.save(workspace, accounts, actor, now).thenReturn(outcome);
        });
    }

    private static void decide(Account account, Instant now, Outcome outcome) {
        Integer threshold = account.alertDue(now);
        boolean exhausted = account.exhausted(now);
        Long remaining = account.remaining(now);
        if (threshold != null) {
            outcome.alerts()
                    .add(new UsageAlert(
                            account.subscriber,
                            account.cycle.start,
                            threshold,
                            account.percentUsed(now),
                            account.cycle.used,
                            remaining,
                            account.cycle.end,
                            exhausted));
        }
        if (exhausted && cappable(account.state)) {
            outcome.caps()
                    .put(
                            account.subscriber,
                            "data cap reached: " + account.cycle.used + " bytes used this cycle, nothing left"
                                    + " (resets " + account.cycle.end + ")");
        } else if (!exhausted && account.state == SubscriberState.CAPPED) {
            outcome.uncaps()
                    .put(
                            account.subscriber,
                            remaining == null
                                    ? "data no longer capped: the plan has no data cap"
                                    : "data available again: " + remaining + " bytes left this cycle");
        }
        Long publish = account.remainingToPublish(now);
        if (publish != null) {
            outcome.remaining().put(account.subscriber, publish);
        }
    }

    /** The accounts of the subscribers that exist, in id order; locked with {@code lock}. */
    private Mono<List<Account>> load(WorkspaceId workspace, Set<UUID> subscribers, boolean lock) {
        return loadWithGrants(workspace, subscribers, lock).map(Loaded::accounts);
    }

    /** Accounts and, by id, the stored grants they were given. */
    private record Loaded(List<Account> accounts, Map<UUID, DataGrant> grants) {}

    private Mono<Loaded> loadWithGrants(WorkspaceId workspace, Set<UUID> subscribers, boolean lock) {
        return repository.accounts(workspace, subscribers, lock).collectList().flatMap(rows -> {
            if (rows.isEmpty()) {
                return Mono.just(new Loaded(List.of(), Map.of()));
            }
            Instant since = Instant.MAX;
            for (AccountRow row : rows) {
                since = row.cycle() == null ? Instant.EPOCH : min(since, row.cycle().start);
            }
            return repository
                    .grantsWithData(
                            workspace, rows.stream().map(AccountRow::subscriber).toList(), since)
                    .collectList()
                    .map(stored -> {
                        var grants = new HashMap<UUID, List<Grant>>();
                        var views = new HashMap<UUID, DataGrant>();
                        for (StoredGrant g : stored) {
                            grants.computeIfAbsent(g.subscriber(), s -> new ArrayList<>())
                                    .add(g.grant());
                            views.put(g.grant().id, g.view());
                        }
                        var accounts = rows.stream()
                                .map(row -> new Account(
                                        row.subscriber(),
                                        row.state(),
                                        row.terms(),
                                        row.cycle(),
                                        grants.getOrDefault(row.subscriber(), List.of())))
                                .toList();
                        return new Loaded(accounts, views);
                    });
        });
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * Adds a top-up of {@code product} to the subscriber's data, valid from {@code now} for the
     * product's validity, and applies the ledger (which ends a cap the top-up lifts).
     */
    public Mono<TopUpResult> topUp(
            WorkspaceId workspace, UUID subscriber, UUID product, String reference, String actor, Instant now) {
        return load(workspace, Set.of(subscriber), true)
                .flatMap(accounts -> accounts.isEmpty()
                        ? Mono.error(new NotFoundException("subscriber"))
                        : Mono.just(accounts.getFirst()))
                .flatMap(account -> repository
                        .findProduct(workspace, product)
                        .switchIfEmpty(Mono.error(new InvalidRequestException("productId", "no such top-up product")))
                        .flatMap(p -> {
                            if (!p.active()) {
                                return Mono.error(new InvalidRequestException(
                                        "productId", "'" + p.name() + "' is no longer sold"));
                            }
                            if (!account.terms.capped()) {
                                return Mono.error(new ConflictException(
                                        "the subscriber's plan has no data cap: a top-up would add nothing"));
                            }
                            var grant = new DataGrant(
                                    UUID.randomUUID(),
                                    DataGrant.Kind.TOP_UP,
                                    p.bytes(),
                                    0,
                                    now,
                                    p.validityDays() == null ? null : now.plus(p.validityDays(), ChronoUnit.DAYS),
                                    p.id(),
                                    p.name(),
                                    p.price(),
                                    p.currency(),
                                    reference,
                                    actor,
                                    now);
                            return repository
                                    .insertTopUp(workspace, subscriber, grant)
                                    .then(apply(
                                            workspace,
                                            Map.of(subscriber, new UsageDelta(subscriber, 0, now)),
                                            now,
                                            actor))
                                    .map(outcome -> new TopUpResult(grant, outcome));
                        }));
    }

    /** The subscriber's data this cycle at {@code now}, changing nothing. */
    public Mono<Usage> usage(WorkspaceId workspace, UUID subscriber, Instant now) {
        return view(workspace, subscriber, now).map(view -> {
            Account account = view.account();
            account.advanceTo(now);
            return new Usage(
                    subscriber,
                    account.state,
                    account.cycle.start,
                    account.cycle.end,
                    account.cycle.allowance,
                    account.cycle.used,
                    account.cycle.planUsed,
                    account.remaining(now),
                    account.percentUsed(now),
                    account.terms.capped() ? account.terms.action() : null,
                    List.copyOf(account.cycle.alerted),
                    grantsLeft(account, view.stored(), now));
        });
    }

    private record View(Account account, Map<UUID, DataGrant> stored) {}

    private Mono<View> view(WorkspaceId workspace, UUID subscriber, Instant now) {
        return loadWithGrants(workspace, Set.of(subscriber), false)
                .flatMap(loaded -> loaded.accounts().isEmpty()
                        ? Mono.error(new NotFoundException("subscriber"))
                        : Mono.just(new View(loaded.accounts().getFirst(), loaded.grants())));
    }

    /** Grants with data left at {@code now}, in the order usage takes them. */
    private static List<DataGrant> grantsLeft(Account account, Map<UUID, DataGrant> stored, Instant now) {
        var left = new ArrayList<DataGrant>();
        for (Account.Grant g : account.consumptionOrder()) {
            if (g.validAt(now) && g.left() > 0) {
                DataGrant known = stored.get(g.id);
                left.add(new DataGrant(
                        g.id,
                        g.kind,
                        g.bytes,
                        g.consumed,
                        g.validFrom,
                        g.expiresAt,
                        known == null ? null : known.productId(),
                        known == null ? null : known.productName(),
                        known == null ? null : known.price(),
                        known == null ? null : known.currency(),
                        known == null ? null : known.reference(),
                        known == null ? "usage" : known.actor(),
                        known == null ? now : known.createdAt()));
            }
        }
        return left;
    }

    /** What using {@code bytes} at {@code now} would do, on a copy of the account. */
    public Mono<UsageSimulation> simulate(WorkspaceId workspace, UUID subscriber, long bytes, Instant now) {
        return view(workspace, subscriber, now).map(view -> {
            Account account = view.account().copy();
            account.advanceTo(now);
            Long before = account.remaining(now);
            var alreadyAlerted = Set.copyOf(account.cycle.alerted);
            account.credit(bytes, now);
            Long after = account.remaining(now);
            Integer percent = account.percentUsed(now);
            var alerts = new ArrayList<Integer>();
            if (percent != null) {
                for (int threshold : account.terms.thresholds()) {
                    if (percent >= threshold && !alreadyAlerted.contains(threshold)) {
                        alerts.add(threshold);
                    }
                }
            }
            boolean capsNow = account.terms.capped() && after == 0 && cappable(account.state);
            boolean capped = capsNow || (account.state == SubscriberState.CAPPED && after != null && after == 0);
            SubscriberState stateAfter = capsNow ? SubscriberState.CAPPED : account.state;
            Long capAfter = capsNow ? before : null;
            String rate = account.terms.capped() ? account.terms.rateLimit() : null;
            return new UsageSimulation(
                    bytes,
                    now,
                    account.state,
                    stateAfter,
                    before,
                    after,
                    percent,
                    alerts,
                    capAfter,
                    rate,
                    capped ? account.cycle.end : null,
                    summary(account, bytes, before, after, capsNow, alerts));
        });
    }

    private static String summary(
            Account account, long bytes, Long before, Long after, boolean capsNow, List<Integer> alerts) {
        if (before == null) {
            return "unlimited plan: " + bytes + " bytes would be counted and nothing would change";
        }
        var text = new StringBuilder();
        if (!alerts.isEmpty()) {
            text.append("alerts at ").append(alerts).append(" %; ");
        }
        if (capsNow) {
            text.append("capped after ")
                    .append(before)
                    .append(" of the ")
                    .append(bytes)
                    .append(" bytes, ")
                    .append(
                            account.terms.rateLimit() != null
                                    ? "throttled to " + account.terms.rateLimit()
                                    : "redirected to the portal")
                    .append(" until a top-up or the next cycle on ")
                    .append(account.cycle.end);
        } else if (after == 0) {
            text.append("nothing left; the subscriber stays ").append(account.state);
        } else {
            text.append(after).append(" bytes would be left this cycle");
        }
        return text.toString();
    }

    /** The subscriber's top-ups, newest first. */
    public Flux<DataGrant> topUps(WorkspaceId workspace, UUID subscriber, int limit) {
        return repository
                .accounts(workspace, Set.of(subscriber), false)
                .hasElements()
                .flatMapMany(exists -> exists
                        ? repository.topUps(workspace, subscriber, limit)
                        : Flux.error(new NotFoundException("subscriber")));
    }

    /** Queues the alerts, in the caller's transaction. */
    public Mono<Void> alert(WorkspaceId workspace, List<UsageAlert> alerts, Instant at) {
        return alerts.isEmpty() ? Mono.empty() : notifications.enqueueUsageAlerts(workspace, alerts, at);
    }
}
