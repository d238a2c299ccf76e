package io.reroute.platform.enforcement;

/** Where a subscriber stands; see the product brief, "Subscriber states". */
public enum SubscriberState {
    /** Online, nothing overdue past the reminder threshold. */
    ACTIVE,
    /** Overdue past the reminder threshold: reminded, still online. */
    WARNED,
    /** Overdue past the block threshold and above the minimum amount: redirected to the portal. */
    BLOCKED,
    /** Restricted by staff; only staff restore. */
    SUSPENDED,
    /** Data cap reached (quota plans). */
    CAPPED;

    /** True where the gateway restricts traffic. */
    public boolean restricted() {
        return this == BLOCKED || this == SUSPENDED || this == CAPPED;
    }
}
