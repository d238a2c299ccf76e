package io.reroute.platform.enforcement;

import java.time.Instant;

/** The outbox event of one transition, as published on the region's stream. */
public record StateChangedEvent(
        EnforcementState subscriber, SubscriberState previousState, String reason, String actor, Instant occurredAt) {

    /** The event type, stored in the outbox and sent as the stream entry's {@code type} field. */
    public static final String TYPE = "subscriber.state-changed";
}
