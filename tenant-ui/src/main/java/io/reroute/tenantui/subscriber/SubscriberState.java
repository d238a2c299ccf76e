package io.reroute.tenantui.subscriber;

/** Where a subscriber stands in enforcement, as the platform names it. */
public enum SubscriberState {
    ACTIVE("Active"),
    WARNED("Warned"),
    BLOCKED("Blocked"),
    SUSPENDED("Suspended"),
    CAPPED("Capped");

    private final String label;

    SubscriberState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the gateways restrict the subscriber's traffic in this state. */
    public boolean restricted() {
        return this == BLOCKED || this == SUSPENDED || this == CAPPED;
    }
}
