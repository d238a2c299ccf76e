package io.reroute.platform.enforcement;

import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/**
 * Tells gateways how much data a subscriber has left, for Mikrotik-Total-Limit at their next login.
 * Sent when it changed noticeably (a new cycle, a top-up, about every 5 % used), not per update;
 * it changes no state and is not versioned: a gateway keeps the latest it heard.
 */
public record SubscriberQuotaEvent(WorkspaceId workspaceId, UUID subscriberId, Long dataRemaining, Instant occurredAt) {

    /** The event type, stored in the outbox and sent as the stream entry's {@code type} field. */
    public static final String TYPE = "subscriber.quota";
}
