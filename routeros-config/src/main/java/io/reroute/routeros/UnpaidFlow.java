package io.reroute.routeros;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The RouterOS configuration that sends a workspace's restricted subscribers to the portal: their
 * DNS and plain HTTP go to the landing address (where the gateway answers DNS on 53 and the
 * captive page on 80), allowlisted destinations stay reachable, and every other forwarded packet
 * from them is rejected, HTTPS, QUIC and DNS over TLS included, so that nothing waits for a
 * timeout. Needs RouterOS 7 (host names in address lists).
 *
 * @param addressList the list restricted subscribers are in (RADIUS puts PPP sessions there)
 * @param rateLimit the restricted rate limit, for the PPP profile
 * @param pool the restricted address pool for the PPP profile, or null
 * @param landingIpv4 where redirected DNS and HTTP go
 * @param portalHost the workspace's reminder host, always reachable
 * @param allowlist the workspace's allowlist as stored: host names, {@code *.domain} wildcards and
 *     CIDRs. Host names and IPv4 networks go into the allow address list; wildcards become TLS
 *     server-name rules (address lists take no wildcards); IPv6 networks are skipped, since the
 *     flow filters IPv4.
 */
public record UnpaidFlow(
        RouterRole role,
        String addressList,
        String rateLimit,
        String pool,
        String landingIpv4,
        String portalHost,
        List<String> allowlist) {

    static final String ADDRESS_LIST = "/ip/firewall/address-list";
    static final String NAT = "/ip/firewall/nat";
    static final String FILTER = "/ip/firewall/filter";
    static final String PPP_PROFILE = "/ppp/profile";

    /** The PPP profile restricted sessions may be given by name. */
    public static final String EXPIRED_PROFILE = "reroute-expired";

    public UnpaidFlow {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(addressList, "addressList");
        Objects.requireNonNull(rateLimit, "rateLimit");
        allowlist = List.copyOf(allowlist);
    }

    /** The list of destinations restricted subscribers may still reach. */
    public String allowList() {
        return addressList + "-allow";
    }

    /**
     * Every object of the flow, in the order they must be applied and, for firewall rules, the
     * order they must have at the top of their table.
     *
     * @throws IllegalStateException when the workspace has no landing IPv4 address to redirect to
     */
    public List<RouterObject> objects() {
        if (landingIpv4 == null) {
            throw new IllegalStateException("the workspace has no landing IPv4 address to redirect to");
        }
        var objects = new ArrayList<RouterObject>();
        allowEntries(objects);
        natRules(objects);
        filterRules(objects);
        if (role == RouterRole.ACCESS) {
            objects.add(expiredProfile());
        }
        return List.copyOf(objects);
    }

    private void allowEntries(List<RouterObject> objects) {
        objects.add(allowEntry("landing", landingIpv4));
        if (portalHost != null) {
            objects.add(allowEntry("portal", portalHost));
        }
        for (String value : allowlist) {
            if (!value.startsWith("*.") && !value.contains(":")) {
                objects.add(allowEntry(value, value));
            }
        }
    }

    private RouterObject allowEntry(String name, String address) {
        return new RouterObject(
                ADDRESS_LIST, "reroute:allow:" + name, properties("list", allowList(), "address", address));
    }

    private void natRules(List<RouterObject> objects) {
        objects.add(redirect("dns-udp", "udp", "53", null));
        objects.add(redirect("dns-tcp", "tcp", "53", null));
        // Plain HTTP to an allowlisted site (a payment page's http:// link) is left alone.
        objects.add(redirect("http", "tcp", "80", "!" + allowList()));
    }

    private RouterObject redirect(String name, String protocol, String port, String dstAddressList) {
        var properties = properties("chain", "dstnat", "src-address-list", addressList, "protocol", protocol);
        properties.put("dst-port", port);
        if (dstAddressList != null) {
            properties.put("dst-address-list", dstAddressList);
        }
        properties.put("action", "dst-nat");
        properties.put("to-addresses", landingIpv4);
        properties.put("to-ports", port);
        return new RouterObject(NAT, "reroute:nat:" + name, properties);
    }

    private void filterRules(List<RouterObject> objects) {
        var allow = forward();
        allow.put("dst-address-list", allowList());
        allow.put("action", "accept");
        objects.add(new RouterObject(FILTER, "reroute:filter:allow", allow));
        for (String value : allowlist) {
            if (value.startsWith("*.")) {
                var rule = forward("tcp", "443");
                rule.put("tls-host", value);
                rule.put("action", "accept");
                objects.add(new RouterObject(FILTER, "reroute:filter:allow-tls:" + value, rule));
            }
        }
        objects.add(reject("https", "tcp", "443", "tcp-reset"));
        objects.add(reject("quic", "udp", "443", "icmp-port-unreachable"));
        objects.add(reject("dot", "tcp", "853", "tcp-reset"));
        var other = forward();
        other.put("action", "reject");
        other.put("reject-with", "icmp-admin-prohibited");
        objects.add(new RouterObject(FILTER, "reroute:filter:reject-other", other));
    }

    private RouterObject reject(String name, String protocol, String port, String rejectWith) {
        var rule = forward(protocol, port);
        rule.put("action", "reject");
        rule.put("reject-with", rejectWith);
        return new RouterObject(FILTER, "reroute:filter:reject-" + name, rule);
    }

    private Map<String, String> forward() {
        return properties("chain", "forward", "src-address-list", addressList);
    }

    private Map<String, String> forward(String protocol, String port) {
        var rule = forward();
        rule.put("protocol", protocol);
        rule.put("dst-port", port);
        return rule;
    }

    /**
     * The profile's own address-list property adds a session's address on connect and removes it
     * on disconnect, so no on-up/on-down script is needed.
     */
    private RouterObject expiredProfile() {
        var properties = properties("name", EXPIRED_PROFILE, "address-list", addressList, "rate-limit", rateLimit);
        if (pool != null) {
            properties.put("remote-address", pool);
        }
        return new RouterObject(PPP_PROFILE, "reroute:ppp:expired", properties);
    }

    private static Map<String, String> properties(String... keysAndValues) {
        var properties = new LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
