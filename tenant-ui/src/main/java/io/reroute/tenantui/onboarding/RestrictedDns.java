package io.reroute.tenantui.onboarding;

import java.util.List;
import java.util.Locale;

/**
 * What the gateway's DNS answers a restricted subscriber, as the setup check explains it: the
 * landing address for every name, except the reminder host and allowlisted names (an exact host,
 * or a wildcard matching any depth strictly below its domain), which resolve normally.
 */
final class RestrictedDns {

    private RestrictedDns() {}

    /** The answer for one name, and why. */
    record Answer(String name, boolean redirected, String because) {}

    static Answer answer(String query, String reminderHost, List<String> allowlist, String landingIpv4) {
        String name = normalize(query);
        if (name.isEmpty()) {
            return new Answer(name, false, "");
        }
        if (name.equals(normalize(reminderHost))) {
            return new Answer(name, false, "the reminder host: resolves normally, to your portal");
        }
        List<String> entries = allowlist.stream().map(RestrictedDns::normalize).toList();
        if (entries.contains(name)) {
            return new Answer(name, false, "on the allowlist: resolves normally");
        }
        for (String value : entries) {
            if (value.startsWith("*.") && name.endsWith(value.substring(1))) {
                return new Answer(name, false, "matches " + value + " on the allowlist: resolves normally");
            }
        }
        return new Answer(
                name,
                true,
                "answered with the landing address " + (landingIpv4 == null ? "(not set yet)" : landingIpv4)
                        + ", so the browser lands on your page");
    }

    private static String normalize(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replaceAll("\\.+$", "");
    }
}
