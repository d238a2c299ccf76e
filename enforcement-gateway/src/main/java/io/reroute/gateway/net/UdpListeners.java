package io.reroute.gateway.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** UDP listeners on one port: one socket per event loop where the transport can share the port. */
public final class UdpListeners {

    private UdpListeners() {}

    /**
     * Binds {@code sockets} sockets (one without SO_REUSEPORT) to {@code address}:{@code port}, the
     * first picking the port when it is 0; each gets a pipeline from {@code initializer}.
     */
    public static List<Channel> bind(
            EventLoopGroup group,
            Transport transport,
            String address,
            int port,
            int sockets,
            ChannelHandler initializer)
            throws InterruptedException {
        var bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.datagram())
                // Thread-local caches suit one socket per event loop: 4.2's adaptive default churns chunks
                // and takes a lock per answer here.
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .handler(initializer);
        if (transport.reusePort()) {
            bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
        }
        var channels = new ArrayList<Channel>();
        Channel first = bootstrap.bind(address, port).sync().channel();
        channels.add(first);
        int bound = ((InetSocketAddress) first.localAddress()).getPort();
        // One socket serves one thread; with SO_REUSEPORT the kernel spreads datagrams over one per thread.
        for (int i = 1; transport.reusePort() && i < sockets; i++) {
            channels.add(bootstrap.bind(address, bound).sync().channel());
        }
        return channels;
    }
}
