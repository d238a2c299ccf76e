package io.reroute.platform.enforcement;

import java.time.Instant;

/**
 * The outbox event of a change gateways must apply that is not a state change: a new subscriber,
 * new PPPoE credentials, another plan.
 */
public record SubscriberProfileChangedEvent(EnforcementState subscriber, Instant occurredAt) {

    /** The event type, stored in the outbox and sent as the stream entry's {@code type} field. */
    public static final String TYPE = "subscriber.profile-changed";
}
