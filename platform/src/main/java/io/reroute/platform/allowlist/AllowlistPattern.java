package io.reroute.platform.allowlist;

import io.reroute.platform.net.HostName;
import io.reroute.platform.net.IpNetwork;

/**
 * What an allowlist entry matches: one host name exactly, every name at any depth below a domain
 * ({@code *.stripe.com}), or an IPv4/IPv6 network. {@link #value()} is the canonical text.
 */
public sealed interface AllowlistPattern {

    String value();

    MatchType type();

    enum MatchType {
        HOST,
        WILDCARD,
        CIDR
    }

    record ExactHost(HostName host) implements AllowlistPattern {
        public String value() {
            return host.value();
        }

        public MatchType type() {
            return MatchType.HOST;
        }
    }

    /** Matches names strictly below {@code domain}, at any depth; not the domain itself. */
    record WildcardDomain(HostName domain) implements AllowlistPattern {
        public String value() {
            return "*." + domain.value();
        }

        public MatchType type() {
            return MatchType.WILDCARD;
        }
    }

    record Network(IpNetwork network) implements AllowlistPattern {
        public String value() {
            return network.cidr();
        }

        public MatchType type() {
            return MatchType.CIDR;
        }
    }

    /**
     * Parses what an operator typed. A wildcard must be a leading {@code *.} over a domain of at
     * least two labels, so {@code *.com} (every .com site) is refused.
     */
    static AllowlistPattern parse(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("a host name, wildcard domain or CIDR is required");
        }
        String text = input.strip();
        if (text.contains("/") || text.contains(":") || text.matches("[0-9.]+")) {
            return new Network(IpNetwork.parse(text));
        }
        if (text.startsWith("*.")) {
            HostName domain = HostName.parse(text.substring(2));
            return new WildcardDomain(domain);
        }
        if (text.contains("*")) {
            throw new IllegalArgumentException(
                    "'" + input + "': a wildcard is only allowed as a leading '*.', as in *.stripe.com");
        }
        return new ExactHost(HostName.parse(text));
    }
}
