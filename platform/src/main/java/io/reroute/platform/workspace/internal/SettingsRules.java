package io.reroute.platform.workspace.internal;

import io.netty.util.NetUtil;
import io.reroute.platform.net.HostName;
import io.reroute.platform.net.IpNetwork;
import io.reroute.platform.web.FieldErrors;
import io.reroute.platform.workspace.Branding;
import io.reroute.platform.workspace.EnforcementThresholds;
import io.reroute.platform.workspace.LandingAddresses;
import io.reroute.platform.workspace.MailSender;
import io.reroute.platform.workspace.SettingsUpdate;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
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
        String host = null;
        if (update.reminderHost() != null && !update.reminderHost().isBlank()) {
            try {
                host = HostName.parse(update.reminderHost()).value();
            } catch (IllegalArgumentException e) {
                errors.add("reminderHost", e.getMessage());
            }
        }
        LandingAddresses landing = update.landing() != null ? update.landing() : new LandingAddresses(null, null);
        String ipv4 = address(landing.ipv4(), Inet4Address.class, "landing.ipv4", errors);
        String ipv6 = address(landing.ipv6(), Inet6Address.class, "landing.ipv6", errors);
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
                        thresholds.minimumAmountToBlock().setScale(2)));
    }

    private static String address(String text, Class<? extends InetAddress> family, String field, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            InetAddress address = IpNetwork.parseAddress(text);
            if (!family.isInstance(address)) {
                errors.add(field, "must be an " + (family == Inet4Address.class ? "IPv4" : "IPv6") + " address");
                return null;
            }
            return NetUtil.toAddressString(address);
        } catch (IllegalArgumentException e) {
            errors.add(field, e.getMessage());
            return null;
        }
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
