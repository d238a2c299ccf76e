package io.reroute.portalui.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusLineTest {

    @Test
    void blockedCountsTheOverdueInvoices() {
        assertThat(StatusLine.of(SubscriberState.BLOCKED, 1))
                .isEqualTo("Your internet access is paused because 1 invoice is overdue.");
        assertThat(StatusLine.of(SubscriberState.BLOCKED, 3))
                .isEqualTo("Your internet access is paused because 3 invoices are overdue.");
        assertThat(StatusLine.of(SubscriberState.BLOCKED, 0))
                .isEqualTo("Your internet access is paused because of an overdue balance.");
    }

    @Test
    void everyStateInPlainWords() {
        assertThat(StatusLine.of(SubscriberState.CAPPED, 0))
                .isEqualTo("You have used all the data of your plan for this period.");
        assertThat(StatusLine.of(SubscriberState.SUSPENDED, 2))
                .isEqualTo("Your provider has paused your service. Please contact them.");
        assertThat(StatusLine.of(SubscriberState.WARNED, 1))
                .isEqualTo("You have an overdue invoice; pay now to avoid an interruption.");
        assertThat(StatusLine.of(SubscriberState.ACTIVE, 0)).isEqualTo("Your service is active.");
    }

    @Test
    void sinceWhen() {
        assertThat(StatusLine.since(Instant.parse("2026-11-21T09:05:00Z"))).isEqualTo("Since 21 Nov 2026, 09:05 UTC");
        assertThat(StatusLine.since(null)).isEmpty();
    }

    @Test
    void onlyBlockedCappedAndSuspendedAreRestricted() {
        assertThat(SubscriberState.BLOCKED.restricted()).isTrue();
        assertThat(SubscriberState.CAPPED.restricted()).isTrue();
        assertThat(SubscriberState.SUSPENDED.restricted()).isTrue();
        assertThat(SubscriberState.WARNED.restricted()).isFalse();
        assertThat(SubscriberState.ACTIVE.restricted()).isFalse();
    }
}
