package io.reroute.gateway.dns.internal;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import java.util.List;

/**
 * Netty's UDP query decoder, but a packet it cannot read becomes a {@link MalformedQuery} (answered
 * FORMERR) when it has a header, and is dropped otherwise; it never reaches the pipeline as an error.
 */
@ChannelHandler.Sharable
final class SafeDatagramDnsQueryDecoder extends DatagramDnsQueryDecoder {

    private static final int HEADER_LENGTH = 12;

    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramPacket packet, List<Object> out) {
        var content = packet.content();
        int start = content.readerIndex();
        int length = content.readableBytes();
        try {
            super.decode(ctx, packet, out);
        } catch (Exception e) {
            if (length >= HEADER_LENGTH) {
                out.add(new MalformedQuery(content.getUnsignedShort(start), packet.sender(), packet.recipient()));
            }
        }
    }
}
