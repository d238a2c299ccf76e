package io.reroute.platform.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to a subscriber (a transition's mail, a usage alert by mail or SMS), as the API shows
 * it: never the text, which holds a signed link. The recipient is the address or number it went to.
 */
public record Notification(
        long id,
        UUID subscriberId,
        long version,
        NotificationKind kind,
        NotificationChannel channel,
        NotificationStatus status,
        int attempts,
        String recipient,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt) {}
