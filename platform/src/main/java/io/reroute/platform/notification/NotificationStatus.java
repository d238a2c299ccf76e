package io.reroute.platform.notification;

/** Where a queued mail stands. */
public enum NotificationStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    SENT,
    /** Not sent, for a reason that a retry cannot fix (no email address on file). */
    SKIPPED,
    /** Gave up after the last attempt, or the address was refused for good. */
    FAILED
}
