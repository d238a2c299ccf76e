package io.reroute.gateway.dns.internal;

import io.netty.handler.codec.dns.AbstractDnsOptPseudoRrRecord;
import io.netty.handler.codec.dns.DnsOptPseudoRecord;

/** Our EDNS0 OPT record (RFC 6891): the UDP payload size we accept, no options. */
final class OptRecord extends AbstractDnsOptPseudoRrRecord implements DnsOptPseudoRecord {

    OptRecord(int maxPayloadSize) {
        super(maxPayloadSize, 0, 0);
    }
}
