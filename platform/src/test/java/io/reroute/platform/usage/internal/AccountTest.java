package io.reroute.platform.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.platform.billing.DataCap.CapAction;
import io.reroute.platform.enforcement.SubscriberState;
import io.reroute.platform.usage.DataGrant;
import io.reroute.platform.usage.internal.Account.Grant;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ledger's arithmetic: the order data is used in, rollovers, thresholds and the cap. */
class AccountTest {

    private static final long GB = 1_000_000_000L;
    private static final Instant MARCH = Instant.parse("2027-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2027-04-01T00:00:00Z");

    private static CapTerms terms(Long rolloverMax, int rolloverCycles) {
        return new CapTerms(
                10 * GB, new CycleCalendar(1), rolloverMax, rolloverCycles, List.of(80, 100), CapAction.REDIRECT, null);
    }

    private static Account account(CapTerms terms, Grant... grants) {
        return new Account(UUID.randomUUID(), SubscriberState.ACTIVE, terms, null, List.of(grants));
    }

    private static Grant topUp(long bytes, Instant from, Instant expires) {
        return new Grant(UUID.randomUUID(), DataGrant.Kind.TOP_UP, bytes, 0, from, expires, null, false);
    }

    @Test
    void usageTakesThePlanThenRolloverThenTopUpsOldestExpiringFirst() {
        var neverExpires = topUp(5 * GB, MARCH, null);
        var expiresSoon = topUp(5 * GB, MARCH, MARCH.plusSeconds(86_400 * 20));
        var rollover = new Grant(
                UUID.randomUUID(), DataGrant.Kind.ROLLOVER, 2 * GB, 0, MARCH, APRIL, MARCH.minusSeconds(1), false);
        var account = account(terms(5 * GB, 1), neverExpires, expiresSoon, rollover);
        Instant at = MARCH.plusSeconds(3600);
        account.advanceTo(at);

        account.credit(13 * GB, at);

        assertThat(account.cycle.planUsed).isEqualTo(10 * GB);
        assertThat(rollover.consumed).isEqualTo(2 * GB);
        assertThat(expiresSoon.consumed).isEqualTo(GB);
        assertThat(neverExpires.consumed).isZero();
        assertThat(account.remaining(at)).isEqualTo(9 * GB);
        assertThat(account.remaining(MARCH.plusSeconds(86_400 * 21)))
                .as("once the short top-up expired")
                .isEqualTo(5 * GB);
    }

    @Test
    void thresholdsAlertOnceEachAndTheHighestWhenCrossedTogether() {
        var account = account(terms(null, 1));
        Instant at = MARCH.plusSeconds(60);
        account.advanceTo(at);
        account.credit(7 * GB, at);
        assertThat(account.alertDue(at)).isNull();
        account.credit(GB, at);
        assertThat(account.alertDue(at)).isEqualTo(80);
        assertThat(account.alertDue(at)).as("once per cycle").isNull();
        assertThat(account.exhausted(at)).isFalse();
        account.credit(5 * GB, at);
        assertThat(account.percentUsed(at)).isEqualTo(100);
        assertThat(account.alertDue(at)).isEqualTo(100);
        assertThat(account.exhausted(at)).isTrue();
        assertThat(account.cycle.used).as("usage past the cap is still counted").isEqualTo(13 * GB);

        var jump = account(terms(null, 1));
        jump.advanceTo(at);
        jump.credit(11 * GB, at);
        assertThat(jump.alertDue(at)).isEqualTo(100);
        assertThat(jump.cycle.alerted).containsExactly(80, 100);
    }

    @Test
    void unusedAllowanceRollsOverUpToTheMaximumAndExpires() {
        var account = account(terms(3 * GB, 1));
        account.advanceTo(MARCH.plusSeconds(60));
        account.credit(6 * GB, MARCH.plusSeconds(60));

        account.advanceTo(APRIL.plusSeconds(60));

        assertThat(account.closedCycleStarts).containsExactly(MARCH);
        assertThat(account.cycle.start).isEqualTo(APRIL);
        assertThat(account.remaining(APRIL.plusSeconds(60)))
                .as("4 GB unused, 3 GB carried")
                .isEqualTo(13 * GB);
        Grant carried = account.grants.getFirst();
        assertThat(carried.fresh).isTrue();
        assertThat(carried.expiresAt).isEqualTo(Instant.parse("2027-05-01T00:00:00Z"));

        account.advanceTo(Instant.parse("2027-05-02T00:00:00Z"));
        assertThat(account.remaining(Instant.parse("2027-05-02T00:00:00Z")))
                .as("April's rollover expired; April's own unused 10 GB carried, up to 3 GB")
                .isEqualTo(13 * GB);
    }

    @Test
    void rolloverOverSeveralCyclesStaysWithinTheMaximumAcrossIdleCycles() {
        var account = account(terms(15 * GB, 2));
        account.advanceTo(MARCH.plusSeconds(60));

        account.advanceTo(Instant.parse("2027-09-15T00:00:00Z"));

        assertThat(account.remaining(Instant.parse("2027-09-15T00:00:00Z")))
                .as("each idle cycle carried what the 15 GB maximum of unexpired rollover allowed")
                .isEqualTo(25 * GB);
        assertThat(account.grants).allSatisfy(g -> assertThat(g.kind).isEqualTo(DataGrant.Kind.ROLLOVER));
    }

    @Test
    void lateUsageCountsInTheOpenCycleAndGatewaysHearOfEachFivePercent() {
        var account = account(terms(null, 1));
        account.advanceTo(APRIL.plusSeconds(60));
        assertThat(account.remainingToPublish(APRIL)).isEqualTo(10 * GB);
        account.credit(GB / 200, MARCH.plusSeconds(60));
        assertThat(account.cycle.used).isEqualTo(GB / 200);
        assertThat(account.remainingToPublish(APRIL)).as("less than 5 %").isNull();
        account.credit(GB / 2, APRIL.plusSeconds(120));
        assertThat(account.remainingToPublish(APRIL)).isEqualTo(10 * GB - GB / 200 - GB / 2);
    }

    @Test
    void usageIsQuietUntilTheNextAlertGatewayUpdateOrEndOfThePlanAllowance() {
        var account = account(terms(null, 1));
        Instant at = MARCH.plusSeconds(60);
        account.advanceTo(at);
        assertThat(account.quiet(at))
                .as("gateways not told yet: the ledger must tell them")
                .isNull();

        account.credit(GB, at);
        assertThat(account.remainingToPublish(at)).isEqualTo(9 * GB);
        // Told 9 GB left: the next word is due 5 % of 10 GB later, before the 80 % alert.
        assertThat(account.quiet(at)).isEqualTo(new Account.Quiet(GB + GB / 2, APRIL));

        account.credit(6 * GB + 600_000_000, at);
        account.alertDue(at);
        account.remainingToPublish(at);
        // 7.6 GB used: the 80 % alert (at 8 GB) comes before the next word (at 8.1 GB).
        assertThat(account.quiet(at).usedBelow()).isLessThan(8 * GB).isGreaterThan(8 * GB - 3);

        account.credit(GB + GB / 2, at);
        assertThat(account.alertDue(at)).isEqualTo(80);
        account.remainingToPublish(at);
        assertThat(account.quiet(at).usedBelow())
                .as("9.1 GB used: the gateways' next word, before the plan allowance ends at 10 GB")
                .isEqualTo(9 * GB + 600_000_000);

        account.credit(GB + GB / 2, at);
        assertThat(account.exhausted(at)).isTrue();
        assertThat(account.quiet(at))
                .as("capped: every credit goes through the ledger")
                .isNull();
    }

    @Test
    void quietEndsWhenAGrantStartsOrExpiresAndAtTheCycleEnd() {
        Instant at = MARCH.plusSeconds(60);
        var expiring = topUp(5 * GB, MARCH, MARCH.plusSeconds(86_400 * 10));
        var account = account(terms(null, 1), expiring);
        account.advanceTo(at);
        account.remainingToPublish(at);
        assertThat(account.quiet(at).until()).isEqualTo(MARCH.plusSeconds(86_400 * 10));
        assertThat(account.quiet(APRIL)).as("past the cycle's end").isNull();

        var unlimited = new Account(
                UUID.randomUUID(),
                SubscriberState.ACTIVE,
                new CapTerms(null, new CycleCalendar(1), null, 1, List.of(80, 100), CapAction.REDIRECT, null),
                null,
                List.of());
        unlimited.advanceTo(at);
        assertThat(unlimited.quiet(at)).isEqualTo(new Account.Quiet(Long.MAX_VALUE, APRIL));
    }
}
