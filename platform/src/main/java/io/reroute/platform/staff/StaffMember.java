package io.reroute.platform.staff;

import java.time.Instant;
import java.util.UUID;

/** A person of the ISP who signs in to the admin UI; belongs to exactly one workspace. */
public record StaffMember(
        UUID id,
        UUID workspaceId,
        String email,
        String displayName,
        StaffRole role,
        boolean disabled,
        Instant createdAt,
        Instant lastSignInAt) {}
