package io.reroute.gateway.dns;

import java.net.InetAddress;

/** The redirector's decision, for diagnosis: the same rule its answer paths apply to each query. */
public interface DnsDecisions {

    /** What a query for {@code name} (any letter case, trailing dot or not) from {@code source} gets now. */
    DnsVerdict decide(InetAddress source, String name);
}
