package io.reroute.platform.enforcement.internal;

import java.util.UUID;

/** An outbox row waiting for the relay; {@code payload} is the event's JSON; no subscriber for workspace events. */
record OutboxEvent(long id, String region, UUID subscriberId, long version, String type, String payload) {}
