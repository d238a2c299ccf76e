package io.reroute.gateway.dns.internal;

import io.netty.handler.codec.dns.AbstractDnsOptPseudoRrRecord;
import io.netty.handler.codec.dns.DnsOptPseudoRecord;

/** Our EDNS0 OPT record (RFC 6891): the UDP payload size we accept, no options. */
final class OptRecord extends AbstractDnsOptPseudoRrRecord implements DnsOptPseudoRecord {

    /** The UDP payload size we accept and offer: DNS Flag Day 2020's, which avoids fragmentation. */
    static final int OUR_PAYLOAD_SIZE = 1232;

    OptRecord(int maxPayloadSize) {
        super(maxPayloadSize, 0, 0);
    }
}
