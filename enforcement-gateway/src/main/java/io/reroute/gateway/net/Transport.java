package io.reroute.gateway.net;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * Which Netty transport the DNS and RADIUS sockets use: native epoll on Linux, where SO_REUSEPORT lets
 * one UDP socket per event loop share the port (one UDP socket is served by one thread only), NIO
 * elsewhere.
 */
public record Transport(
        IoHandlerFactory ioHandlers,
        Class<? extends DatagramChannel> datagram,
        Class<? extends ServerSocketChannel> server,
        Class<? extends SocketChannel> socket,
        boolean reusePort) {

    public static Transport best() {
        return Epoll.isAvailable()
                ? new Transport(
                        EpollIoHandler.newFactory(),
                        EpollDatagramChannel.class,
                        EpollServerSocketChannel.class,
                        EpollSocketChannel.class,
                        true)
                : nio();
    }

    public static Transport nio() {
        return new Transport(
                NioIoHandler.newFactory(),
                NioDatagramChannel.class,
                NioServerSocketChannel.class,
                NioSocketChannel.class,
                false);
    }
}
