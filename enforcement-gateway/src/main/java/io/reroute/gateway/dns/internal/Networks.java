package io.reroute.gateway.dns.internal;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.List;

/** A fixed set of CIDR blocks, checked by prefix. */
final class Networks {

    private final List<Block> blocks;

    private Networks(List<Block> blocks) {
        this.blocks = blocks;
    }

    static Networks of(List<String> cidrs) {
        return new Networks(cidrs.stream().map(Networks::block).toList());
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static Block block(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] network = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? cidr : cidr.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("not a network: " + cidr);
        }
        int length = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
        return new Block(network, length);
    }

    private record Block(byte[] network, int length) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = length / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = length % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
