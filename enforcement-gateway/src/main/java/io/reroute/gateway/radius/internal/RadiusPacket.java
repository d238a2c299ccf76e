package io.reroute.gateway.radius.internal;

import io.netty.buffer.ByteBuf;
import io.netty.util.NetUtil;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A request as it arrived (RFC 2865 §3 and §5): code, identifier, authenticator and where each
 * attribute sits in the packet's own bytes. Parsed once, without a dictionary, and read by type
 * number: the gateway reads a dozen standard attributes per request, and building tinyradius's
 * attribute objects for every one of them cost more than the rest of the answer (bench/radius).
 * Also checks what the NAS signed and opens what it hid, with its shared secret; and the
 * Message-Authenticator of the NAS's CoA and Disconnect replies.
 */
final class RadiusPacket {

    static final int HEADER = 20;
    static final int MAX_LENGTH = 4096;

    private static final int USER_PASSWORD = 2;
    private static final int CHAP_PASSWORD = 3;
    private static final int CHAP_CHALLENGE = 60;

    private final byte[] bytes;
    /** The offset of each attribute's type octet, in order. */
    private final int[] attributes;

    private final int count;

    private RadiusPacket(byte[] bytes, int[] attributes, int count) {
        this.bytes = bytes;
        this.attributes = attributes;
        this.count = count;
    }

    /**
     * The packet of {@code length} octets at the buffer's reader index, which must be there; octets
     * past it are padding (RFC 2865 §3). Malformed when an attribute is shorter than its header or
     * runs past the end (RFC 2865 §5).
     */
    static RadiusPacket parse(ByteBuf content, int length) throws MalformedPacketException {
        if (length < HEADER || length > MAX_LENGTH || length > content.readableBytes()) {
            throw new MalformedPacketException("length " + length + " does not fit the datagram");
        }
        byte[] bytes = new byte[length];
        content.getBytes(content.readerIndex(), bytes);
        int[] offsets = new int[(length - HEADER) / 2];
        int count = 0;
        for (int at = HEADER; at < length; ) {
            int size = at + 1 < length ? bytes[at + 1] & 0xff : 0;
            if (size < 2 || at + size > length) {
                throw new MalformedPacketException("attribute at octet " + at + " has a bad length");
            }
            offsets[count++] = at;
            at += size;
        }
        return new RadiusPacket(bytes, offsets, count);
    }

    int code() {
        return bytes[0] & 0xff;
    }

    int identifier() {
        return bytes[1] & 0xff;
    }

    byte[] authenticator() {
        return Arrays.copyOfRange(bytes, 4, HEADER);
    }

    boolean has(int type) {
        return find(type) >= 0;
    }

    /** The first attribute's value as UTF-8 text, or null. */
    String text(int type) {
        int at = find(type);
        return at < 0 ? null : new String(bytes, at + 2, (bytes[at + 1] & 0xff) - 2, StandardCharsets.UTF_8);
    }

    /** The first attribute's value as a 32-bit unsigned integer, or {@code absent}. */
    long unsigned(int type, long absent) {
        int at = find(type);
        if (at < 0 || (bytes[at + 1] & 0xff) != 6) {
            return absent;
        }
        return ((bytes[at + 2] & 0xffL) << 24)
                | ((bytes[at + 3] & 0xffL) << 16)
                | ((bytes[at + 4] & 0xffL) << 8)
                | (bytes[at + 5] & 0xffL);
    }

    /** The first attribute's value as a dotted IPv4 address, or null. */
    String ipv4(int type) {
        int at = find(type);
        return at < 0 || (bytes[at + 1] & 0xff) != 6 ? null : NetUtil.bytesToIpAddress(bytes, at + 2, 4);
    }

    /** Every attribute of the type, whole (type, length and value), in order: for Proxy-State. */
    List<byte[]> all(int type) {
        var found = new ArrayList<byte[]>(0);
        for (int i = 0; i < count; i++) {
            int at = attributes[i];
            if ((bytes[at] & 0xff) == type) {
                found.add(Arrays.copyOfRange(bytes, at, at + (bytes[at + 1] & 0xff)));
            }
        }
        return found;
    }

    private int find(int type) {
        for (int i = 0; i < count; i++) {
            if ((bytes[attributes[i]] & 0xff) == type) {
                return attributes[i];
            }
        }
        return -1;
    }

    /**
     * RFC 2866 §3: an Accounting-Request's authenticator is MD5 over the packet with sixteen zero
     * octets in its place, followed by the secret.
     */
    boolean accountingAuthenticatorMatches(byte[] secret) {
        MessageDigest md5 = RadiusDigests.md5();
        md5.update(bytes, 0, 4);
        md5.update(RadiusDigests.ZERO_AUTHENTICATOR);
        md5.update(bytes, HEADER, bytes.length - HEADER);
        md5.update(secret);
        return MessageDigest.isEqual(md5.digest(), Arrays.copyOfRange(bytes, 4, HEADER));
    }

    /**
     * Whether the Message-Authenticator, if any, is right (RFC 3579 §3.2): HMAC-MD5 over the packet
     * with its value zeroed and {@code authenticator} in the authenticator field: null keeps the one
     * sent (Access-Request), zeros for an Accounting-Request (as FreeRADIUS and RFC 5176 do), the
     * request's for a reply. True without one.
     */
    boolean messageAuthenticatorMatches(byte[] secret, byte[] authenticator) {
        int at = find(MessageAuthenticators.MESSAGE_AUTHENTICATOR);
        if (at < 0) {
            return true;
        }
        if ((bytes[at + 1] & 0xff) != 18) {
            return false;
        }
        byte[] copy = bytes.clone();
        if (authenticator != null) {
            System.arraycopy(authenticator, 0, copy, 4, 16);
        }
        Arrays.fill(copy, at + 2, at + 18, (byte) 0);
        byte[] expected = RadiusDigests.hmacMd5(secret).doFinal(copy);
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, at + 2, at + 18));
    }

    /**
     * Whether the PAP or CHAP credentials match {@code password}; false without either. PAP (RFC
     * 2865 §5.2): the password, padded with NULs to a multiple of 16, XORed block by block with
     * MD5(secret + previous block), the first with the authenticator. CHAP (RFC 1994, RFC 2865
     * §5.3): MD5(identifier + password + challenge), the challenge being CHAP-Challenge or else the
     * authenticator.
     */
    boolean credentialsMatch(byte[] secret, byte[] password) {
        int pap = find(USER_PASSWORD);
        if (pap >= 0) {
            return papMatches(pap, secret, password);
        }
        int chap = find(CHAP_PASSWORD);
        return chap >= 0 && chapMatches(chap, password);
    }

    private boolean papMatches(int at, byte[] secret, byte[] password) {
        int length = (bytes[at + 1] & 0xff) - 2;
        if (length < 16 || length > 128 || length % 16 != 0) {
            return false;
        }
        byte[] clear = new byte[length];
        MessageDigest md5 = RadiusDigests.md5();
        for (int block = 0; block < length; block += 16) {
            md5.update(secret);
            if (block == 0) {
                md5.update(bytes, 4, 16);
            } else {
                md5.update(bytes, at + 2 + block - 16, 16);
            }
            byte[] key = md5.digest();
            for (int i = 0; i < 16; i++) {
                clear[block + i] = (byte) (bytes[at + 2 + block + i] ^ key[i]);
            }
        }
        int end = length;
        while (end > 0 && clear[end - 1] == 0) {
            end--;
        }
        return MessageDigest.isEqual(Arrays.copyOf(clear, end), password);
    }

    private boolean chapMatches(int at, byte[] password) {
        if ((bytes[at + 1] & 0xff) != 19) {
            return false;
        }
        MessageDigest md5 = RadiusDigests.md5();
        md5.update(bytes[at + 2]);
        md5.update(password);
        int challenge = find(CHAP_CHALLENGE);
        if (challenge >= 0) {
            md5.update(bytes, challenge + 2, (bytes[challenge + 1] & 0xff) - 2);
        } else {
            md5.update(bytes, 4, 16);
        }
        return MessageDigest.isEqual(md5.digest(), Arrays.copyOfRange(bytes, at + 3, at + 19));
    }

    /** A packet that breaks RFC 2865's framing: dropped and counted, never answered. */
    static final class MalformedPacketException extends Exception {
        MalformedPacketException(String message) {
            super(message, null, false, false);
        }
    }
}
