package io.reroute.platform.net;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 network in CIDR notation. A bare address is a single-host network. Host bits
 * below the prefix must be zero, so {@code 10.1.2.3/8} is rejected rather than silently widened.
 */
public record IpNetwork(InetAddress address, int prefixLength) {

    public IpNetwork {
        int bits = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length must be between 0 and " + bits);
        }
        byte[] bytes = address.getAddress();
        for (int bit = prefixLength; bit < bits; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw new IllegalArgumentException("'" + address.getHostAddress() + "/" + prefixLength
                        + "' has host bits set below the prefix; use the network address");
            }
        }
    }

    public static IpNetwork parse(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("a network is required");
        }
        String text = input.strip();
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        InetAddress address = parseAddress(addressText);
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String prefixText = text.substring(slash + 1);
            if (!prefixText.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("'" + input + "' has an invalid prefix length");
            }
            prefix = Integer.parseInt(prefixText);
        }
        return new IpNetwork(address, prefix);
    }

    /** Parses an IPv4 or IPv6 literal without ever consulting DNS. */
    public static InetAddress parseAddress(String text) {
        byte[] bytes = text == null ? null : NetUtil.createByteArrayFromIpAddressString(text.strip());
        if (bytes == null || text.contains("%")) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address", e);
        }
    }

    /**
     * The canonical text (compressed IPv6) of an address literal of the given family, or an
     * IllegalArgumentException saying what is wrong with it.
     */
    public static String canonicalAddress(String text, Class<? extends InetAddress> family) {
        InetAddress address = parseAddress(text);
        if (!family.isInstance(address)) {
            throw new IllegalArgumentException(
                    "must be an " + (family == java.net.Inet4Address.class ? "IPv4" : "IPv6") + " address");
        }
        return NetUtil.toAddressString(address);
    }

    public boolean isIpv4() {
        return address.getAddress().length == 4;
    }

    /** Canonical text: compressed IPv6, and always with the prefix length. */
    public String cidr() {
        return NetUtil.toAddressString(address) + "/" + prefixLength;
    }

    @Override
    public String toString() {
        return cidr();
    }
}
