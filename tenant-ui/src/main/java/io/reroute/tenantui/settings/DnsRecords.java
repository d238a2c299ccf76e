package io.reroute.tenantui.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The DNS records an ISP creates in its own zone for its reminder host: the name its reminder and
 * redirect links use, which must reach the Reroute portal (it serves the landing page over HTTPS).
 * The landing addresses need no record: routers send restricted subscribers' DNS and HTTP there by
 * address.
 */
public final class DnsRecords {

    /** Shown where the operator has not configured the portal's address. */
    public static final String UNKNOWN_IPV4 = "<the portal's IPv4 address: ask your Reroute operator>";

    static final int TTL_SECONDS = 3600;

    private DnsRecords() {}

    /** One record to create, and why. */
    public record DnsRecord(String name, String type, String value, String purpose) {

        /** As a line of a zone file. */
        public String zoneLine() {
            return name + ". " + TTL_SECONDS + " IN " + type + " " + value;
        }
    }

    /**
     * @param reminderHost the workspace's reminder host, as typed
     * @param portal where the portal is reachable; an unknown IPv4 gets a placeholder, an unknown
     *     IPv6 no record (a wrong AAAA record would break IPv6 subscribers)
     * @return nothing while no (plausible) reminder host is entered
     */
    public static List<DnsRecord> forReminderHost(String reminderHost, PortalProperties portal) {
        String host = reminderHost == null
                ? ""
                : reminderHost.strip().toLowerCase(Locale.ROOT).replaceAll("\\.+$", "");
        if (host.isEmpty() || !host.contains(".") || host.contains(" ") || host.contains("/")) {
            return List.of();
        }
        List<DnsRecord> records = new ArrayList<>();
        records.add(new DnsRecord(
                host,
                "A",
                portal.publicIpv4() != null ? portal.publicIpv4() : UNKNOWN_IPV4,
                "Reminder mails and the captive redirect send subscribers to https://" + host
                        + "/...; this name must reach the Reroute portal, which shows your landing page."));
        if (portal.publicIpv6() != null) {
            records.add(new DnsRecord(
                    host, "AAAA", portal.publicIpv6(), "The same for subscribers who reach the portal over IPv6."));
        }
        return records;
    }
}
