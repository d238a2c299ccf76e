package io.reroute.platform.workspace;

import java.time.Instant;

/** Everything a workspace configures that later features scope by. {@code version} is the ETag. */
public record WorkspaceSettings(
        long version,
        String displayName,
        Branding branding,
        String reminderHost,
        LandingAddresses landing,
        MailSender mail,
        EnforcementThresholds thresholds,
        RadiusProfile radius,
        Instant updatedAt) {}
