package io.reroute.tenantui.subscriber;

import java.time.Instant;
import java.util.UUID;

/** A subscriber as {@code GET /api/v1/subscribers/{id}} shows it. */
record Subscriber(
        UUID id,
        String accountNumber,
        String name,
        String email,
        String phone,
        String pppoeUsername,
        String staticIpv4,
        String staticIpv6,
        String delegatedPrefix,
        UUID nasId,
        UUID planId,
        SubscriberState state,
        long stateVersion,
        Instant stateChangedAt,
        Instant createdAt) {}
