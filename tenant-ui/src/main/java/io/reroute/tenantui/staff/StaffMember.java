package io.reroute.tenantui.staff;

import java.time.Instant;
import java.util.UUID;

/** A staff user of the workspace as the platform shows it; {@code role} is OWNER, ADMIN, OPERATOR or SUPPORT. */
record StaffMember(
        UUID id,
        String email,
        String displayName,
        String role,
        boolean disabled,
        Instant createdAt,
        Instant lastSignInAt) {}
