package io.reroute.platform.notification;

import java.time.Instant;
import java.util.UUID;

/** One mail a transition called for, as the API shows it (never the body: it holds a signed link). */
public record Notification(
        long id,
        UUID subscriberId,
        long version,
        NotificationKind kind,
        NotificationStatus status,
        int attempts,
        String recipient,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt) {}
