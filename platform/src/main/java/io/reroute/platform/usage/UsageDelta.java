package io.reroute.platform.usage;

import java.time.Instant;
import java.util.UUID;

/** Bytes a subscriber used that accounting had not counted before, as of {@code at}. */
public record UsageDelta(UUID subscriberId, long bytes, Instant at) {}
