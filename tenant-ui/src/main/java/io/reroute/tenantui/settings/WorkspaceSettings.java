package io.reroute.tenantui.settings;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The workspace's settings document as {@code GET /api/v1/workspace/settings} answers it. A
 * {@code PUT} replaces all of it, so forms change only their fields of {@link #toUpdate()} and send
 * the rest back as read.
 */
public record WorkspaceSettings(
        long version,
        String displayName,
        Branding branding,
        String reminderHost,
        Landing landing,
        MailSender mail,
        Thresholds thresholds,
        Radius radius,
        Instant updatedAt) {

    /** This document as the body of a {@code PUT}, which knows no version or update time. */
    public SettingsUpdate toUpdate() {
        return new SettingsUpdate(displayName, branding, reminderHost, landing, mail, thresholds, radius);
    }

    /** The landing page's look; colours are {@code #rrggbb}. */
    public record Branding(
            String logoUrl,
            String primaryColor,
            String accentColor,
            String title,
            String message,
            String buttonLabel,
            String note) {}

    /** The addresses restricted subscribers' DNS and plain HTTP are sent to (the enforcement gateway). */
    public record Landing(String ipv4, String ipv6) {}

    /** The From of reminder and notice mails. */
    public record MailSender(String fromName, String fromAddress) {}

    /** Days past due before reminding and before blocking, and the least overdue amount that blocks. */
    public record Thresholds(Integer reminderAfterDays, Integer blockAfterDays, BigDecimal minimumAmountToBlock) {}

    /** The router profile restricted subscribers are accepted into. */
    public record Radius(
            String restrictedAddressList,
            String restrictedRateLimit,
            String restrictedPool,
            Integer interimIntervalSeconds) {}

    /** The body of {@code PUT /api/v1/workspace/settings}: the whole document, absent values cleared. */
    public record SettingsUpdate(
            String displayName,
            Branding branding,
            String reminderHost,
            Landing landing,
            MailSender mail,
            Thresholds thresholds,
            Radius radius) {

        public SettingsUpdate withDisplayName(String value) {
            return new SettingsUpdate(value, branding, reminderHost, landing, mail, thresholds, radius);
        }

        public SettingsUpdate withBranding(Branding value) {
            return new SettingsUpdate(displayName, value, reminderHost, landing, mail, thresholds, radius);
        }

        public SettingsUpdate withReminderHost(String value) {
            return new SettingsUpdate(displayName, branding, value, landing, mail, thresholds, radius);
        }

        public SettingsUpdate withLanding(Landing value) {
            return new SettingsUpdate(displayName, branding, reminderHost, value, mail, thresholds, radius);
        }

        public SettingsUpdate withMail(MailSender value) {
            return new SettingsUpdate(displayName, branding, reminderHost, landing, value, thresholds, radius);
        }

        public SettingsUpdate withThresholds(Thresholds value) {
            return new SettingsUpdate(displayName, branding, reminderHost, landing, mail, value, radius);
        }

        public SettingsUpdate withRadius(Radius value) {
            return new SettingsUpdate(displayName, branding, reminderHost, landing, mail, thresholds, value);
        }
    }
}
