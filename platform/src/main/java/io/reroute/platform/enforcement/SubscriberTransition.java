package io.reroute.platform.enforcement;

import java.time.Instant;

/** One recorded state change of a subscriber. {@code version} grows by one per change. */
public record SubscriberTransition(
        long version, SubscriberState from, SubscriberState to, String reason, String actor, Instant occurredAt) {}
