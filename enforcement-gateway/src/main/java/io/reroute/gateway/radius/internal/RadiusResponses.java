package io.reroute.gateway.radius.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;

/**
 * Writes a response packet with Message-Authenticator as its first attribute, which is where the
 * BlastRADIUS mitigation wants it (tinyradius puts it last). RFC 3579 §3.2: the HMAC-MD5 covers
 * the packet with the request's authenticator and a zeroed Message-Authenticator (for an
 * Accounting-Response, sixteen zero octets in place of the authenticator, as FreeRADIUS computes
 * and checks it); RFC 2865 §3: the Response Authenticator is then MD5 over the packet, with the
 * request's authenticator in place, and the secret.
 */
final class RadiusResponses {

    static final int ACCESS_ACCEPT = 2;
    static final int ACCESS_REJECT = 3;
    static final int ACCOUNTING_RESPONSE = 5;

    private RadiusResponses() {}

    /**
     * The response to a request of the given identifier and authenticator: {@code attributes}
     * (encoded), then the request's Proxy-State attributes in their order (RFC 2865 §5.33).
     */
    static ByteBuf encode(
            ByteBufAllocator allocator,
            int code,
            int identifier,
            byte[] requestAuthenticator,
            List<byte[]> attributes,
            List<byte[]> proxyStates,
            byte[] secret) {
        ByteBuf packet = allocator.buffer(256);
        try {
            packet.writeByte(code).writeByte(identifier).writeShort(0).writeBytes(requestAuthenticator);
            packet.writeByte(MessageAuthenticators.MESSAGE_AUTHENTICATOR)
                    .writeByte(18)
                    .writeZero(16);
            for (byte[] attribute : attributes) {
                packet.writeBytes(attribute);
            }
            for (byte[] proxyState : proxyStates) {
                packet.writeBytes(proxyState);
            }
            if (packet.readableBytes() > RadiusPacket.MAX_LENGTH) {
                throw new IllegalStateException("a RADIUS response longer than 4096 octets");
            }
            packet.setShort(2, packet.readableBytes());
            if (code == ACCOUNTING_RESPONSE) {
                packet.setZero(4, 16);
            }
            MessageAuthenticators.sign(packet, requestAuthenticator, secret);
            return packet;
        } catch (RuntimeException e) {
            packet.release();
            throw e;
        }
    }
}
