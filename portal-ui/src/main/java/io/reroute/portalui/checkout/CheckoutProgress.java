package io.reroute.portalui.checkout;

import io.reroute.portalui.account.SubscriberState;

/** What the page after paying says, from the checkout's status and the subscriber's state. */
public enum CheckoutProgress {
    /** Paid or being confirmed, and the network still restricts the subscriber: keep watching. */
    RESTORING,
    /** The subscriber is online (not BLOCKED, CAPPED or SUSPENDED). */
    RESTORED,
    /** Paid, but the provider's staff paused the service: a payment does not lift that. */
    PAUSED_BY_PROVIDER,
    /** The checkout ran out of time unpaid: start again from the account. */
    EXPIRED,
    /** The provider refused or failed it: start again from the account. */
    FAILED;

    public static CheckoutProgress of(Checkout.Status checkout, SubscriberState state) {
        return switch (checkout) {
            case EXPIRED -> EXPIRED;
            case FAILED -> FAILED;
            case OPEN, COMPLETED ->
                !state.restricted()
                        ? RESTORED
                        : checkout == Checkout.Status.COMPLETED && state == SubscriberState.SUSPENDED
                                ? PAUSED_BY_PROVIDER
                                : RESTORING;
        };
    }

    /** Nothing more will change that this page waits for. */
    public boolean settled(Checkout.Status checkout) {
        return switch (this) {
            case RESTORING -> false;
            // Restored while the payment is still being confirmed: keep watching until it is.
            case RESTORED -> checkout != Checkout.Status.OPEN;
            case PAUSED_BY_PROVIDER, EXPIRED, FAILED -> true;
        };
    }
}
