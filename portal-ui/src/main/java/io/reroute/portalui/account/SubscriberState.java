package io.reroute.portalui.account;

/** Where a subscriber stands in enforcement, as the platform names it. */
public enum SubscriberState {
    ACTIVE,
    WARNED,
    BLOCKED,
    SUSPENDED,
    CAPPED;

    /** Whether the network restricts the subscriber's traffic in this state (WARNED is still online). */
    public boolean restricted() {
        return this == BLOCKED || this == SUSPENDED || this == CAPPED;
    }
}
