package io.reroute.platform.notification;

import io.reroute.platform.enforcement.SubscriberState;
import java.util.Optional;

/** The mails a subscriber gets from enforcement. */
public enum NotificationKind {
    /** Overdue past the reminder threshold: still online, with a link to pay. */
    REMINDER,
    /** Redirected to the portal for an overdue balance, with a link to pay. */
    BLOCKED,
    /** Back online after a restriction. */
    RESTORED;

    /** The mail a transition calls for, if any; staff suspensions are announced by staff themselves. */
    public static Optional<NotificationKind> announcing(SubscriberState from, SubscriberState to) {
        return switch (to) {
            case WARNED -> from == SubscriberState.ACTIVE ? Optional.of(REMINDER) : Optional.empty();
            case BLOCKED -> Optional.of(BLOCKED);
            case ACTIVE -> from.restricted() ? Optional.of(RESTORED) : Optional.empty();
            case SUSPENDED, CAPPED -> Optional.empty();
        };
    }

    /** Whether the mail carries a signed pay link. */
    public boolean carriesPayLink() {
        return this != RESTORED;
    }
}
