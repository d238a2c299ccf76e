package io.reroute.platform.notification;

import io.reroute.platform.enforcement.SubscriberState;
import java.util.Optional;

/** What a subscriber is told: by enforcement's transitions, and about their data usage. */
public enum NotificationKind {
    /** Overdue past the reminder threshold: still online, with a link to pay. */
    REMINDER,
    /** Redirected to the portal for an overdue balance, with a link to pay. */
    BLOCKED,
    /** Back online after a restriction. */
    RESTORED,
    /**
     * Usage crossed one of the plan's alert thresholds this data cycle, with a link to buy a top-up;
     * queued by the usage ledger ({@link NotificationQueue#enqueueUsageAlerts}), never by a transition.
     */
    USAGE_ALERT;

    /** The mail a transition calls for, if any; staff suspensions are announced by staff themselves. */
    public static Optional<NotificationKind> announcing(SubscriberState from, SubscriberState to) {
        return switch (to) {
            case WARNED -> from == SubscriberState.ACTIVE ? Optional.of(REMINDER) : Optional.empty();
            case BLOCKED -> Optional.of(BLOCKED);
            case ACTIVE -> from.restricted() ? Optional.of(RESTORED) : Optional.empty();
            case SUSPENDED, CAPPED -> Optional.empty();
        };
    }

    /** Whether the message carries a signed portal link (to pay, or for a usage alert to buy a top-up). */
    public boolean carriesPayLink() {
        return this != RESTORED;
    }
}
