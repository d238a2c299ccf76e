package io.reroute.gateway.radius.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.reroute.gateway.radius.internal.RadiusMetrics.Drop;
import io.reroute.gateway.state.RegionState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    static final int ACCESS_REQUEST = 1;
    static final int ACCOUNTING_REQUEST = 4;

    private final int acceptedCode;
    private final RegionState state;
    private final RadiusSecrets secrets;
    private final RadiusMetrics metrics;

    /** A decoder for the port that takes {@code acceptedCode}: Access-Request or Accounting-Request. */
    DatagramRadiusRequestDecoder(int acceptedCode, RegionState state, RadiusSecrets secrets, RadiusMetrics metrics) {
        super(DatagramPacket.class);
        this.acceptedCode = acceptedCode;
        this.state = state;
        this.secrets = secrets;
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
        int length = content.readableBytes() >= RadiusPacket.HEADER
                ? content.getUnsignedShort(content.readerIndex() + 2)
                : -1;
        RadiusPacket request;
        try {
            request = RadiusPacket.parse(content, length);
        } catch (RadiusPacket.MalformedPacketException e) {
            log.debug("Malformed RADIUS packet from {}: {}", nas, e.getMessage());
            metrics.dropped(Drop.MALFORMED, nas.workspaceId());
            return;
        }
        if (request.code() != acceptedCode) {
            metrics.dropped(Drop.UNSUPPORTED_CODE, nas.workspaceId());
            return;
        }
        boolean access = acceptedCode == ACCESS_REQUEST;
        if (access && nas.requireMessageAuthenticator() && !request.has(MessageAuthenticators.MESSAGE_AUTHENTICATOR)) {
            metrics.dropped(Drop.MISSING_MESSAGE_AUTHENTICATOR, nas.workspaceId());
            return;
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        boolean signed = access
                ? request.messageAuthenticatorMatches(key, null)
                : request.accountingAuthenticatorMatches(key)
                        && request.messageAuthenticatorMatches(key, RadiusDigests.ZERO_AUTHENTICATOR);
        if (!signed) {
            log.debug("RADIUS request (code {}) from {} failed its checks", acceptedCode, nas);
            metrics.dropped(Drop.BAD_AUTHENTICATOR, nas.workspaceId());
            return;
        }
        out.add(new RadiusExchange(nas, key, packet.sender(), request));
    }
}
