package io.reroute.platform.link;

import java.time.Instant;

/** A link signing key as the API lists it: never the key material. */
public record LinkKeyInfo(String kid, boolean active, Instant createdAt, Instant retiredAt) {}
