package io.reroute.gateway.radius.internal;

import io.netty.util.NetUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Attributes the gateway sends, encoded (RFC 2865 §5: type, length, value; RFC 8044 for the data
 * types): what {@link AccessPolicy} answers and asks NAS clients to apply. Written directly rather
 * than through tinyradius's dictionary, whose attribute objects cost more than the rest of an
 * answer (bench/radius).
 */
final class RadiusAttributes {

    static final int VENDOR_SPECIFIC = 26;
    private static final int MAX_VALUE = 253;

    private RadiusAttributes() {}

    static byte[] text(int type, String value) {
        return attribute(type, value.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] integer(int type, long value) {
        return attribute(
                type, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    /** An IPv4 or IPv6 address attribute from its text form. */
    static byte[] address(int type, String address) {
        byte[] octets = NetUtil.createByteArrayFromIpAddressString(address);
        if (octets == null) {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
        return attribute(type, octets);
    }

    /** RFC 3162 §2.3: reserved, prefix length, then the prefix's significant octets. */
    static byte[] ipv6Prefix(int type, String prefix) {
        int slash = prefix.indexOf('/');
        byte[] address = slash < 0 ? null : NetUtil.createByteArrayFromIpAddressString(prefix.substring(0, slash));
        int bits = slash < 0 ? -1 : Integer.parseInt(prefix.substring(slash + 1));
        if (address == null || address.length != 16 || bits < 0 || bits > 128) {
            throw new IllegalArgumentException("not an IPv6 prefix: " + prefix);
        }
        int octets = (bits + 7) / 8;
        byte[] value = new byte[2 + octets];
        value[1] = (byte) bits;
        System.arraycopy(address, 0, value, 2, octets);
        return attribute(type, value);
    }

    /** One Vendor-Specific attribute (RFC 2865 §5.26) holding the vendor's sub-attributes, encoded. */
    static byte[] vendorSpecific(int vendor, List<byte[]> subAttributes) {
        int length = 4 + subAttributes.stream().mapToInt(a -> a.length).sum();
        byte[] value = new byte[length];
        value[0] = (byte) (vendor >>> 24);
        value[1] = (byte) (vendor >>> 16);
        value[2] = (byte) (vendor >>> 8);
        value[3] = (byte) vendor;
        int at = 4;
        for (byte[] sub : subAttributes) {
            System.arraycopy(sub, 0, value, at, sub.length);
            at += sub.length;
        }
        return attribute(VENDOR_SPECIFIC, value);
    }

    private static byte[] attribute(int type, byte[] value) {
        if (value.length > MAX_VALUE) {
            throw new IllegalArgumentException("attribute " + type + " is longer than 253 octets");
        }
        byte[] attribute = new byte[value.length + 2];
        attribute[0] = (byte) type;
        attribute[1] = (byte) attribute.length;
        System.arraycopy(value, 0, attribute, 2, value.length);
        return attribute;
    }
}
