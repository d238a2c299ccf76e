package io.reroute.gateway.radius.internal;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.Mac;

/**
 * Signing and checking of the packets the gateway writes and awaits, with Message-Authenticator as
 * the first attribute (the BlastRADIUS mitigation wants it there). RFC 3579 §3.2: HMAC-MD5 over
 * the packet with the Message-Authenticator zeroed; RFC 2865 §3 and RFC 5176 §3.5: the
 * authenticator is then MD5 over the packet and the secret.
 */
final class MessageAuthenticators {

    static final int MESSAGE_AUTHENTICATOR = 80;

    private static final int HEADER = 20;

    private MessageAuthenticators() {}

    /**
     * Signs a packet whose first attribute is a zeroed Message-Authenticator and whose authenticator
     * field holds what the HMAC must cover: writes the HMAC, then puts {@code authenticator} in the
     * authenticator field and replaces it with the MD5 over the packet and the secret.
     */
    static void sign(ByteBuf packet, byte[] authenticator, String secret) {
        sign(packet, authenticator, secret.getBytes(StandardCharsets.UTF_8));
    }

    static void sign(ByteBuf packet, byte[] authenticator, byte[] secret) {
        Mac hmac = RadiusDigests.hmacMd5(secret);
        hmac.update(packet.nioBuffer());
        packet.setBytes(HEADER + 2, hmac.doFinal());
        packet.setBytes(4, authenticator);
        MessageDigest md5 = RadiusDigests.md5();
        md5.update(packet.nioBuffer());
        md5.update(secret);
        packet.setBytes(4, md5.digest());
    }
}
