package io.reroute.gateway.dns.internal;

import io.netty.channel.AddressedEnvelope;
import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DnsResponse;

/**
 * Netty's UDP response encoder for the answers we build, letting the upstream answers we relay as
 * raw datagrams pass by (the stock one claims every addressed envelope and fails on those).
 */
@ChannelHandler.Sharable
final class DatagramDnsAnswerEncoder extends DatagramDnsResponseEncoder {

    @Override
    public boolean acceptOutboundMessage(Object message) {
        return message instanceof AddressedEnvelope<?, ?> envelope && envelope.content() instanceof DnsResponse;
    }
}
