package io.reroute.platform.workspace.internal;

import io.reroute.platform.net.HostName;
import io.reroute.platform.net.IpNetwork;
import io.reroute.platform.web.FieldErrors;
import io.reroute.platform.workspace.Branding;
import io.reroute.platform.workspace.EnforcementThresholds;
import io.reroute.platform.workspace.LandingAddresses;
import io.reroute.platform.workspace.MailSender;
import io.reroute.platform.workspace.RadiusProfile;
import io.reroute.platform.workspace.SettingsUpdate;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The checks bean validation cannot express (host names, address families, cross-field rules),
 * and the canonical form values are stored in.
 */
final class SettingsRules {

    private SettingsRules() {}

    /** Returns the update in canonical form, or throws with every problem found. */
    static SettingsUpdate normalize(SettingsUpdate update) {
        var errors = new FieldErrors();
        String host = errors.parse("reminderHost", update.reminderHost(), text -> HostName.parse(text)
                .value());
        LandingAddresses landing = update.landing() != null ? update.landing() : new LandingAddresses(null, null);
        String ipv4 = errors.parse(
                "landing.ipv4", landing.ipv4(), text -> IpNetwork.canonicalAddress(text, Inet4Address.class));
        String ipv6 = errors.parse(
                "landing.ipv6", landing.ipv6(), text -> IpNetwork.canonicalAddress(text, Inet6Address.class));
        Branding branding = update.branding();
        String logo = blankToNull(branding.logoUrl());
        if (logo != null && !isHttpsUrl(logo)) {
            errors.add("branding.logoUrl", "must be an absolute https:// URL");
        }
        var thresholds = update.thresholds();
        if (thresholds.blockAfterDays() < thresholds.reminderAfterDays()) {
            errors.add(
                    "thresholds.blockAfterDays",
                    "must not be less than reminderAfterDays (" + thresholds.reminderAfterDays() + ")");
        }
        MailSender mail = update.mail() != null ? update.mail() : new MailSender(null, null);
        RadiusProfile defaults = RadiusProfile.defaults();
        RadiusProfile radius = update.radius() != null ? update.radius() : defaults;
        errors.throwIfAny();
        return new SettingsUpdate(
                update.displayName().strip(),
                new Branding(
                        logo,
                        branding.primaryColor().toLowerCase(Locale.ROOT),
                        branding.accentColor().toLowerCase(Locale.ROOT),
                        branding.title().strip(),
                        branding.message().strip(),
                        branding.buttonLabel().strip(),
                        blankToNull(branding.note())),
                host,
                new LandingAddresses(ipv4, ipv6),
                new MailSender(
                        blankToNull(mail.fromName()),
                        mail.fromAddress() == null
                                ? null
                                : blankToNull(mail.fromAddress().toLowerCase(Locale.ROOT))),
                new EnforcementThresholds(
                        thresholds.reminderAfterDays(),
                        thresholds.blockAfterDays(),
                        // Stored as numeric(14,2); the same scale keeps 15 and 15.00 from looking like a change.
                        thresholds.minimumAmountToBlock().setScale(2)),
                new RadiusProfile(
                        radius.restrictedAddressList() != null
                                ? radius.restrictedAddressList()
                                : defaults.restrictedAddressList(),
                        radius.restrictedRateLimit() != null
                                ? radius.restrictedRateLimit()
                                : defaults.restrictedRateLimit(),
                        blankToNull(radius.restrictedPool()),
                        radius.interimIntervalSeconds() != null
                                ? radius.interimIntervalSeconds()
                                : defaults.interimIntervalSeconds()));
    }

    private static boolean isHttpsUrl(String text) {
        try {
            URI uri = new URI(text);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
