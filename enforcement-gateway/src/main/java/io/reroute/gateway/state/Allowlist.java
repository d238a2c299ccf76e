package io.reroute.gateway.state;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names a redirected subscriber may still resolve: exact host names, and {@code *.domain}
 * wildcards matching any depth below the domain (not the domain itself), as the platform stores
 * them. CIDR entries concern the router's firewall, not DNS, and are ignored here.
 */
public final class Allowlist {

    public static final Allowlist EMPTY = new Allowlist(List.of(), Set.of(), Set.of());

    private final List<String> entries;
    private final Set<String> hosts;
    private final Set<String> wildcardDomains;

    private Allowlist(List<String> entries, Set<String> hosts, Set<String> wildcardDomains) {
        this.entries = entries;
        this.hosts = hosts;
        this.wildcardDomains = wildcardDomains;
    }

    public static Allowlist of(List<String> entries) {
        var hosts = new HashSet<String>();
        var domains = new HashSet<String>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            String value = entry.toLowerCase(Locale.ROOT);
            if (value.startsWith("*.")) {
                domains.add(value.substring(2));
            } else if (!value.contains("/") && !value.contains(":")) {
                hosts.add(value);
            }
        }
        return new Allowlist(
                entries == null ? List.of() : List.copyOf(entries), Set.copyOf(hosts), Set.copyOf(domains));
    }

    /** The entries as the platform sent them. */
    public List<String> entries() {
        return entries;
    }

    /** {@code name} in lower case without the trailing dot. */
    public boolean allows(String name) {
        if (hosts.contains(name)) {
            return true;
        }
        for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
            if (wildcardDomains.contains(name.substring(dot + 1))) {
                return true;
            }
        }
        return false;
    }
}
