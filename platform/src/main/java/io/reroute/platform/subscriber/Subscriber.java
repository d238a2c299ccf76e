package io.reroute.platform.subscriber;

import io.reroute.platform.enforcement.SubscriberState;
import java.time.Instant;
import java.util.UUID;

/** A subscriber as the API shows it. The PPPoE password is write-only and never shown. */
public record Subscriber(
        UUID id,
        String accountNumber,
        String name,
        String email,
        String phone,
        String pppoeUsername,
        boolean pppoePasswordSet,
        String staticIpv4,
        String staticIpv6,
        String delegatedPrefix,
        UUID nasId,
        UUID planId,
        SubscriberState state,
        long stateVersion,
        Instant stateChangedAt,
        Instant createdAt) {}
