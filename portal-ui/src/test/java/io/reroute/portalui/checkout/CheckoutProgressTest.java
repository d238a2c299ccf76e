package io.reroute.portalui.checkout;

import static io.reroute.portalui.checkout.Checkout.Status.COMPLETED;
import static io.reroute.portalui.checkout.Checkout.Status.EXPIRED;
import static io.reroute.portalui.checkout.Checkout.Status.FAILED;
import static io.reroute.portalui.checkout.Checkout.Status.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.portalui.account.SubscriberState;
import org.junit.jupiter.api.Test;

class CheckoutProgressTest {

    @Test
    void restoringWhileStillRestricted() {
        assertThat(CheckoutProgress.of(OPEN, SubscriberState.BLOCKED)).isEqualTo(CheckoutProgress.RESTORING);
        assertThat(CheckoutProgress.of(COMPLETED, SubscriberState.BLOCKED)).isEqualTo(CheckoutProgress.RESTORING);
        assertThat(CheckoutProgress.of(COMPLETED, SubscriberState.CAPPED)).isEqualTo(CheckoutProgress.RESTORING);
        assertThat(CheckoutProgress.of(OPEN, SubscriberState.SUSPENDED)).isEqualTo(CheckoutProgress.RESTORING);
        assertThat(CheckoutProgress.RESTORING.settled(COMPLETED)).isFalse();
    }

    @Test
    void restoredOnceTheNetworkLetsThemThrough() {
        assertThat(CheckoutProgress.of(COMPLETED, SubscriberState.ACTIVE)).isEqualTo(CheckoutProgress.RESTORED);
        assertThat(CheckoutProgress.of(COMPLETED, SubscriberState.WARNED)).isEqualTo(CheckoutProgress.RESTORED);
        assertThat(CheckoutProgress.of(OPEN, SubscriberState.ACTIVE)).isEqualTo(CheckoutProgress.RESTORED);
        assertThat(CheckoutProgress.RESTORED.settled(COMPLETED)).isTrue();
        assertThat(CheckoutProgress.RESTORED.settled(OPEN)).isFalse();
    }

    @Test
    void aPaymentDoesNotLiftTheProvidersOwnPause() {
        assertThat(CheckoutProgress.of(COMPLETED, SubscriberState.SUSPENDED))
                .isEqualTo(CheckoutProgress.PAUSED_BY_PROVIDER);
        assertThat(CheckoutProgress.PAUSED_BY_PROVIDER.settled(COMPLETED)).isTrue();
    }

    @Test
    void expiredAndFailedSendThemBackToTryAgain() {
        assertThat(CheckoutProgress.of(EXPIRED, SubscriberState.BLOCKED)).isEqualTo(CheckoutProgress.EXPIRED);
        assertThat(CheckoutProgress.of(FAILED, SubscriberState.CAPPED)).isEqualTo(CheckoutProgress.FAILED);
        assertThat(CheckoutProgress.of(EXPIRED, SubscriberState.ACTIVE)).isEqualTo(CheckoutProgress.EXPIRED);
        assertThat(CheckoutProgress.EXPIRED.settled(EXPIRED)).isTrue();
    }
}
