package io.reroute.platform.usage.internal;

import io.reroute.platform.enforcement.SubscriberState;
import io.reroute.platform.usage.DataGrant;
import io.reroute.platform.usage.internal.CycleCalendar.Cycle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One subscriber's data ledger in memory, loaded under the subscriber's row lock and written back
 * in the same transaction: the open cycle and the grants with data left. Usage is credited in this
 * order: the cycle's plan allowance, then rollovers, then top-ups, each oldest-expiring first.
 * No I/O here; the same code serves accounting, the usage view and the simulator.
 */
final class Account {

    /**
     * Gateways hear of the remaining data again once it dropped by this share of the allowance: what
     * they hold only bounds a session at login, the cap itself goes out by CoA at once.
     */
    private static final int PUBLISH_STEPS = 20;

    private static final long MIN_PUBLISH_STEP = 1 << 20;

    /** Rollovers before top-ups, then oldest-expiring first (never-expiring last), then oldest. */
    private static final Comparator<Grant> CONSUMPTION_ORDER = Comparator.comparing(
                    (Grant g) -> g.kind() != DataGrant.Kind.ROLLOVER)
            .thenComparing(Grant::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Grant::validFrom)
            .thenComparing(Grant::id);

    final UUID subscriber;
    final SubscriberState state;
    final CapTerms terms;
    /** The open cycle; null until the subscriber's first usage or the scheduler opened one. */
    OpenCycle cycle;

    final List<Grant> grants;
    /** Cycles this account closed (their rollover carried), to mark closed. */
    final List<Instant> closedCycleStarts = new ArrayList<>();

    Account(UUID subscriber, SubscriberState state, CapTerms terms, OpenCycle cycle, List<Grant> grants) {
        this.subscriber = subscriber;
        this.state = state;
        this.terms = terms;
        this.cycle = cycle;
        this.grants = new ArrayList<>(grants);
    }

    /** A copy to try things on (the simulator). */
    Account copy() {
        var copy = new Account(
                subscriber,
                state,
                terms,
                cycle == null ? null : cycle.copy(),
                grants.stream().map(Grant::copy).toList());
        copy.closedCycleStarts.addAll(closedCycleStarts);
        return copy;
    }

    /**
     * Makes the cycle {@code at} falls in the open one, closing the open cycle and carrying its
     * rollover, and those of any cycles without usage in between. Does nothing when {@code at} is
     * before the open cycle ends: late usage counts in the open cycle, since a closed one's rollover
     * has already been carried.
     */
    void advanceTo(Instant at) {
        Cycle target = terms.calendar().cycleAt(at);
        if (cycle == null) {
            cycle = OpenCycle.opened(target, terms.allowance());
            return;
        }
        if (at.isBefore(cycle.end)) {
            return;
        }
        closedCycleStarts.add(cycle.start);
        if (terms.rolloverMax() != null) {
            // Each cycle in between carries in turn: what a carry may add depends on those before it.
            Cycle closed = new Cycle(cycle.start, cycle.end);
            Long allowance = cycle.allowance;
            long planUsed = cycle.planUsed;
            Cycle next = terms.calendar().next(closed);
            while (true) {
                carry(closed, allowance, planUsed, next);
                if (next.equals(target)) {
                    break;
                }
                closed = next;
                allowance = terms.allowance();
                planUsed = 0;
                next = terms.calendar().next(closed);
            }
        }
        cycle = OpenCycle.opened(target, terms.allowance());
    }

    /** Carries what {@code closed} left of its plan allowance into {@code next}, within the maximum. */
    private void carry(Cycle closed, Long allowance, long planUsed, Cycle next) {
        if (terms.rolloverMax() == null || allowance == null) {
            return;
        }
        long unexpired = 0;
        for (Grant g : grants) {
            if (g.kind() == DataGrant.Kind.ROLLOVER && g.validAt(next.start())) {
                unexpired += g.left();
            }
        }
        long carried = Math.min(allowance - planUsed, terms.rolloverMax() - unexpired);
        if (carried <= 0) {
            return;
        }
        Cycle last = next;
        for (int i = 1; i < terms.rolloverCycles(); i++) {
            last = terms.calendar().next(last);
        }
        grants.add(Grant.rollover(carried, next.start(), last.end(), closed.start()));
    }

    /** Credits {@code bytes} used at {@code at}, which must not be after the open cycle's end. */
    void credit(long bytes, Instant at) {
        Instant effective = at.isBefore(cycle.start) ? cycle.start : at;
        cycle.used += bytes;
        if (cycle.allowance == null) {
            return;
        }
        long left = bytes;
        long fromPlan = Math.min(left, cycle.allowance - cycle.planUsed);
        cycle.planUsed += fromPlan;
        left -= fromPlan;
        if (left > 0) {
            for (Grant g : consumptionOrder()) {
                if (left == 0) {
                    break;
                }
                if (g.validAt(effective)) {
                    long taken = Math.min(left, g.left());
                    g.consumed += taken;
                    g.changed = true;
                    left -= taken;
                }
            }
        }
    }

    List<Grant> consumptionOrder() {
        return grants.stream().sorted(CONSUMPTION_ORDER).toList();
    }

    /** Bytes left at {@code at} in the open cycle; null when unlimited. */
    Long remaining(Instant at) {
        if (cycle == null || cycle.allowance == null) {
            return terms.capped() ? terms.allowance() : null;
        }
        long remaining = cycle.allowance - cycle.planUsed;
        for (Grant g : grants) {
            if (g.validAt(at)) {
                remaining += g.left();
            }
        }
        return remaining;
    }

    /** Share of the cycle's data used, 0 to 100; 100 only once nothing is left. Null when unlimited. */
    Integer percentUsed(Instant at) {
        Long remaining = remaining(at);
        if (remaining == null) {
            return null;
        }
        long used = cycle == null ? 0 : cycle.used;
        if (remaining == 0) {
            return 100;
        }
        return (int) Math.min(99, (100 * (double) used) / (used + remaining));
    }

    /**
     * The thresholds reached at {@code at} and not yet alerted this cycle, marked as alerted now.
     * Several at once alert as the highest one.
     */
    Integer alertDue(Instant at) {
        Integer percent = percentUsed(at);
        if (percent == null || cycle == null) {
            return null;
        }
        Integer due = null;
        for (int threshold : terms.thresholds()) {
            if (percent >= threshold && cycle.alerted.add(threshold)) {
                due = threshold;
            }
        }
        return due;
    }

    /** Whether the subscriber has used all the data they have. */
    boolean exhausted(Instant at) {
        Long remaining = remaining(at);
        return remaining != null && remaining == 0;
    }

    /**
     * The remaining bytes to tell gateways, when they moved enough since they were last told (or
     * grew, or hit zero); null when there is nothing to tell.
     */
    Long remainingToPublish(Instant at) {
        Long remaining = remaining(at);
        if (remaining == null || cycle == null) {
            return null;
        }
        Long published = cycle.publishedRemaining;
        if (published == null
                || remaining > published
                || published - remaining >= publishStep()
                || (remaining == 0 && published != 0)) {
            cycle.publishedRemaining = remaining;
            return remaining;
        }
        return null;
    }

    /**
     * Usage the open cycle can take with nothing to decide, as the ledger stands after deciding at
     * {@code now}: while its used bytes stay below {@code usedBelow} and the time is before {@code
     * until}, a credit comes from the plan allowance and crosses no alert threshold, no step at which
     * gateways hear the data left, and no cap; so it may be added to the counters alone. Null when the
     * next credit needs the ledger.
     */
    record Quiet(long usedBelow, Instant until) {}

    Quiet quiet(Instant now) {
        if (cycle == null || !now.isBefore(cycle.end)) {
            return null;
        }
        // What is left changes when a grant with data starts or expires.
        Instant until = cycle.end;
        for (Grant g : grants) {
            if (g.left() > 0) {
                until = earlierFuture(until, g.validFrom, now);
                until = earlierFuture(until, g.expiresAt, now);
            }
        }
        if (cycle.allowance == null) {
            return new Quiet(Long.MAX_VALUE, until);
        }
        if (cycle.publishedRemaining == null) {
            return null; // gateways have not been told yet: the ledger must tell them
        }
        long remaining = remaining(now);
        // Past the plan allowance, grants are consumed and then the cap is reached.
        long below = cycle.used + (cycle.allowance - cycle.planUsed);
        // Alerts: the percentage is of a total (used + remaining) that crediting from the plan keeps.
        double total = cycle.used + remaining;
        for (int threshold : terms.thresholds()) {
            if (!cycle.alerted.contains(threshold)) {
                below = Math.min(below, (long) Math.floor(total * threshold / 100) - 1);
            }
        }
        // Gateways hear the data left again once it dropped by a step.
        below = Math.min(below, cycle.used + remaining - cycle.publishedRemaining + publishStep());
        return below > cycle.used ? new Quiet(below, until) : null;
    }

    private static Instant earlierFuture(Instant current, Instant candidate, Instant now) {
        return candidate != null && candidate.isAfter(now) && candidate.isBefore(current) ? candidate : current;
    }

    private long publishStep() {
        return Math.max(MIN_PUBLISH_STEP, cycle.allowance / PUBLISH_STEPS);
    }

    /** The open cycle: mutable while the ledger works on it. */
    static final class OpenCycle {
        final Instant start;
        final Instant end;
        final Long allowance;
        long planUsed;
        long used;
        final TreeSet<Integer> alerted;
        Long publishedRemaining;
        /** Whether the cycle has a row already (else it opened while the ledger worked). */
        final boolean stored;

        OpenCycle(
                Instant start,
                Instant end,
                Long allowance,
                long planUsed,
                long used,
                TreeSet<Integer> alerted,
                Long publishedRemaining,
                boolean stored) {
            this.start = start;
            this.end = end;
            this.allowance = allowance;
            this.planUsed = planUsed;
            this.used = used;
            this.alerted = alerted;
            this.publishedRemaining = publishedRemaining;
            this.stored = stored;
        }

        static OpenCycle opened(Cycle cycle, Long allowance) {
            return new OpenCycle(cycle.start(), cycle.end(), allowance, 0, 0, new TreeSet<>(), null, false);
        }

        OpenCycle copy() {
            return new OpenCycle(
                    start, end, allowance, planUsed, used, new TreeSet<>(alerted), publishedRemaining, stored);
        }
    }

    /** A grant with data left; {@code fresh} ones are not stored yet, {@code changed} ones consumed more. */
    static final class Grant {
        final UUID id;
        final DataGrant.Kind kind;
        final long bytes;
        long consumed;
        final Instant validFrom;
        final Instant expiresAt;
        final Instant sourceCycleStart;
        final boolean fresh;
        boolean changed;

        Grant(
                UUID id,
                DataGrant.Kind kind,
                long bytes,
                long consumed,
                Instant validFrom,
                Instant expiresAt,
                Instant sourceCycleStart,
                boolean fresh) {
            this.id = id;
            this.kind = kind;
            this.bytes = bytes;
            this.consumed = consumed;
            this.validFrom = validFrom;
            this.expiresAt = expiresAt;
            this.sourceCycleStart = sourceCycleStart;
            this.fresh = fresh;
        }

        static Grant rollover(long bytes, Instant validFrom, Instant expiresAt, Instant sourceCycleStart) {
            return new Grant(
                    UUID.randomUUID(), DataGrant.Kind.ROLLOVER, bytes, 0, validFrom, expiresAt, sourceCycleStart, true);
        }

        DataGrant.Kind kind() {
            return kind;
        }

        Instant expiresAt() {
            return expiresAt;
        }

        Instant validFrom() {
            return validFrom;
        }

        UUID id() {
            return id;
        }

        long left() {
            return bytes - consumed;
        }

        boolean validAt(Instant at) {
            return !at.isBefore(validFrom) && (expiresAt == null || at.isBefore(expiresAt));
        }

        Grant copy() {
            var copy = new Grant(id, kind, bytes, consumed, validFrom, expiresAt, sourceCycleStart, fresh);
            copy.changed = changed;
            return copy;
        }
    }
}
