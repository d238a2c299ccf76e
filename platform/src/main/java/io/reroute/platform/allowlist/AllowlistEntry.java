package io.reroute.platform.allowlist;

import java.time.Instant;
import java.util.UUID;

/** A destination that stays reachable while a subscriber is restricted. */
public record AllowlistEntry(
        UUID id,
        String value,
        AllowlistPattern.MatchType matchType,
        AllowlistKind kind,
        String note,
        Instant createdAt) {}
