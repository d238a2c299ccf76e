package io.reroute.platform.workspace;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The full replacement of a workspace's settings (PUT semantics: absent optional values are cleared; an absent {@code radius} is the default profile). */
public record SettingsUpdate(
        @NotBlank @Size(max = 200) String displayName,
        @NotNull @Valid Branding branding,
        @Size(max = 253) String reminderHost,
        @Valid LandingAddresses landing,
        @Valid MailSender mail,
        @NotNull @Valid EnforcementThresholds thresholds,
        @Valid RadiusProfile radius) {}
