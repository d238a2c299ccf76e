package io.reroute.gateway.dns.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Reads one length-delimited TCP frame (after a {@code LengthFieldBasedFrameDecoder}) with the same
 * decoder as UDP, so a malformed frame becomes a {@link MalformedQuery} here too.
 */
final class SafeTcpDnsQueryDecoder extends MessageToMessageDecoder<ByteBuf> {

    private final SafeDatagramDnsQueryDecoder delegate = new SafeDatagramDnsQueryDecoder();

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        var local = (InetSocketAddress) ctx.channel().localAddress();
        var remote = (InetSocketAddress) ctx.channel().remoteAddress();
        delegate.decode(ctx, new DatagramPacket(frame, local, remote), out);
    }
}
