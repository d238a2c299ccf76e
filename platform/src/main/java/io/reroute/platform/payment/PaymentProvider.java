package io.reroute.platform.payment;

/** Where a workspace's subscribers pay in the portal. */
public enum PaymentProvider {
    /** Completes payments locally without moving money: the local stack and demos. */
    SANDBOX,
    /** Stripe Checkout with the workspace's own Stripe account. */
    STRIPE
}
