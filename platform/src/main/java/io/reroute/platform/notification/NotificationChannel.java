package io.reroute.platform.notification;

/** How a notification reaches the subscriber. */
public enum NotificationChannel {
    EMAIL,
    SMS
}
