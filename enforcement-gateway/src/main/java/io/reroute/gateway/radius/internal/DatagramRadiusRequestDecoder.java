package io.reroute.gateway.radius.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.reroute.gateway.radius.internal.RadiusMetrics.Drop;
import io.reroute.gateway.state.RegionState;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tinyradius.core.RadiusPacketException;
import org.tinyradius.core.dictionary.Dictionary;
import org.tinyradius.core.packet.PacketType;
import org.tinyradius.core.packet.request.AccessRequest;
import org.tinyradius.core.packet.request.RadiusRequest;

/**
 * Turns a datagram into a {@link RadiusExchange}, or drops it silently and counts why (RFC 2865
 * §3): a source that is no NAS of this region, a NAS whose secret does not open, a packet that does
 * not parse or is not the one code this port takes, a bad authenticator, and an Access-Request
 * without Message-Authenticator from a NAS that must send one (the BlastRADIUS mitigation). The
 * NAS is looked up by source address first, so nobody else's packet costs more than a map lookup.
 */
@ChannelHandler.Sharable
final class DatagramRadiusRequestDecoder extends MessageToMessageDecoder<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(DatagramRadiusRequestDecoder.class);
    private static final int HEADER = 20;
    private static final int MAX_PACKET = 4096;
    private static final int MESSAGE_AUTHENTICATOR = 80;

    private final byte acceptedCode;
    private final RegionState state;
    private final RadiusSecrets secrets;
    private final Dictionary dictionary;
    private final RadiusMetrics metrics;

    DatagramRadiusRequestDecoder(
            byte acceptedCode, RegionState state, RadiusSecrets secrets, Dictionary dictionary, RadiusMetrics metrics) {
        super(DatagramPacket.class);
        this.acceptedCode = acceptedCode;
        this.state = state;
        this.secrets = secrets;
        this.dictionary = dictionary;
        this.metrics = metrics;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramPacket packet, List<Object> out) {
        var nas = state.nas(packet.sender().getAddress()).orElse(null);
        if (nas == null) {
            metrics.dropped(Drop.UNKNOWN_NAS, null);
            return;
        }
        var secret = secrets.nasSecret(nas).orElse(null);
        if (secret == null) {
            metrics.dropped(Drop.SECRET_UNAVAILABLE, nas.workspaceId());
            return;
        }
        ByteBuf content = packet.content();
        int length = content.readableBytes() >= HEADER ? content.getUnsignedShort(content.readerIndex() + 2) : -1;
        // RFC 2865 §3: octets beyond Length are padding to ignore; fewer than Length, a packet to drop.
        if (length < HEADER || length > MAX_PACKET || length > content.readableBytes()) {
            metrics.dropped(Drop.MALFORMED, nas.workspaceId());
            return;
        }
        if (content.getByte(content.readerIndex()) != acceptedCode) {
            metrics.dropped(Drop.UNSUPPORTED_CODE, nas.workspaceId());
            return;
        }
        RadiusRequest request;
        try {
            // tinyradius keeps slices of the buffer it parses: give it a copy of its own.
            request = RadiusRequest.fromByteBuf(
                    dictionary, Unpooled.copiedBuffer(content.slice(content.readerIndex(), length)));
        } catch (RadiusPacketException | RuntimeException e) {
            log.debug("Malformed RADIUS packet from {}: {}", nas, e.getMessage());
            metrics.dropped(Drop.MALFORMED, nas.workspaceId());
            return;
        }
        if (request instanceof AccessRequest
                && nas.requireMessageAuthenticator()
                && request.getAttribute(MESSAGE_AUTHENTICATOR).isEmpty()) {
            metrics.dropped(Drop.MISSING_MESSAGE_AUTHENTICATOR, nas.workspaceId());
            return;
        }
        try {
            out.add(new RadiusExchange(nas, secret, packet.sender(), request.decodeRequest(secret)));
        } catch (RadiusPacketException | RuntimeException e) {
            log.debug(
                    "RADIUS {} from {} failed its checks: {}",
                    PacketType.getPacketTypeName(acceptedCode),
                    nas,
                    e.getMessage());
            metrics.dropped(Drop.BAD_AUTHENTICATOR, nas.workspaceId());
        }
    }
}
