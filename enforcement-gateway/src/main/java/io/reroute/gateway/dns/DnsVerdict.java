package io.reroute.gateway.dns;

import java.net.InetAddress;
import java.util.UUID;

/**
 * What the redirector answers one source for one name, and why.
 *
 * @param workspaceId the workspace of the subscriber the source belongs to in this gateway's state;
 *     null when it belongs to none
 * @param subscriberId that subscriber; null when none
 * @param landingIpv4 for {@link DnsOutcome#REDIRECTED}, the answer to an A query (null: no data)
 * @param landingIpv6 for {@link DnsOutcome#REDIRECTED}, the answer to an AAAA query (null: no data)
 */
public record DnsVerdict(
        DnsOutcome outcome, UUID workspaceId, UUID subscriberId, InetAddress landingIpv4, InetAddress landingIpv6) {}
