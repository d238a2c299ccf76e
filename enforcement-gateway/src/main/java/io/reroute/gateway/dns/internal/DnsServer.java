package io.reroute.gateway.dns.internal;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.dns.TcpDnsResponseEncoder;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import io.reroute.gateway.dns.DnsProperties;
import io.reroute.gateway.net.Transport;
import io.reroute.gateway.net.UdpListeners;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** The DNS redirector's UDP and TCP listeners on one port. */
@Component
@ConditionalOnBooleanProperty(name = "reroute.gateway.dns.enabled", matchIfMissing = true)
public class DnsServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DnsServer.class);

    private final DnsProperties properties;
    private final RedirectRule rule;
    private final MeterRegistry meters;
    private EventLoopGroup group;
    private UpstreamClient upstream;
    private final List<Channel> udp = new ArrayList<>();
    private Channel tcp;

    DnsServer(DnsProperties properties, RedirectRule rule, MeterRegistry meters) {
        this.properties = properties;
        this.rule = rule;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        var transport = Transport.best();
        int threads = properties.eventLoops();
        group = new MultiThreadIoEventLoopGroup(threads, transport.ioHandlers());
        upstream = new UpstreamClient(group, transport, upstreamServers(), properties.upstreamTimeout());
        var cache = new ForwardCache(properties.cacheSize(), properties.cacheMaxTtl(), Ticker.systemTicker(), meters);
        var metrics = new DnsQueryMetrics(meters);
        var handler = new DnsQueryHandler(rule, properties.ttl(), upstream, cache, metrics);
        var redirects = new DatagramDnsRedirectResponder(rule, properties.ttl(), metrics);
        var decoder = new SafeDatagramDnsQueryDecoder();
        var encoder = new DatagramDnsAnswerEncoder();
        try {
            udp.addAll(UdpListeners.bind(
                    group,
                    transport,
                    properties.bind(),
                    properties.port(),
                    threads,
                    new ChannelInitializer<DatagramChannel>() {
                        @Override
                        protected void initChannel(DatagramChannel channel) {
                            channel.pipeline().addLast(redirects, decoder, encoder, handler);
                        }
                    }));
            int port = ((InetSocketAddress) udp.getFirst().localAddress()).getPort();
            tcp = new ServerBootstrap()
                    .group(group)
                    .channel(transport.server())
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline()
                                    .addLast(
                                            new ReadTimeoutHandler(30),
                                            new LengthFieldBasedFrameDecoder(65535, 0, 2, 0, 2),
                                            new SafeTcpDnsQueryDecoder(),
                                            new TcpDnsResponseEncoder(),
                                            handler);
                        }
                    })
                    .bind(properties.bind(), port)
                    .sync()
                    .channel();
            log.info(
                    "DNS redirector listening on {} port {} (UDP on {} sockets, TCP)",
                    properties.bind(),
                    port,
                    udp.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the DNS ports", e);
        }
    }

    @Override
    public synchronized void stop() {
        udp.forEach(channel -> channel.close().syncUninterruptibly());
        udp.clear();
        if (tcp != null) {
            tcp.close().syncUninterruptibly();
        }
        if (upstream != null) {
            upstream.close();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS)
                    .syncUninterruptibly();
        }
        tcp = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return !udp.isEmpty();
    }

    /** The bound port (UDP and TCP), for tests that asked for port 0. */
    public synchronized int port() {
        return ((InetSocketAddress) udp.getFirst().localAddress()).getPort();
    }

    /** The configured resolvers, or the system's (resolv.conf) when none are. */
    private List<InetSocketAddress> upstreamServers() {
        if (!properties.upstream().isEmpty()) {
            return properties.upstream().stream().map(DnsServer::address).toList();
        }
        var system = DnsServerAddressStreamProviders.platformDefault().nameServerAddressStream("");
        var servers = new ArrayList<InetSocketAddress>();
        for (int i = 0; i < system.size(); i++) {
            servers.add(system.next());
        }
        return servers;
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || hostPort.endsWith("]")) {
            return new InetSocketAddress(hostPort.replace("[", "").replace("]", ""), 53);
        }
        return new InetSocketAddress(
                hostPort.substring(0, colon).replace("[", "").replace("]", ""),
                Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
