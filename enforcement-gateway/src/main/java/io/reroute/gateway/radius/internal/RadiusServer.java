package io.reroute.gateway.radius.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.DatagramChannel;
import io.netty.util.concurrent.ScheduledFuture;
import io.reroute.gateway.net.Transport;
import io.reroute.gateway.radius.RadiusProperties;
import io.reroute.gateway.state.RadiusProfile;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.state.Workspace;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** The RADIUS authentication and accounting listeners (UDP), one socket per event loop and port. */
@Component
@ConditionalOnBooleanProperty(name = "reroute.gateway.radius.enabled", matchIfMissing = true)
public class RadiusServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RadiusServer.class);
    private static final byte ACCESS_REQUEST = 1;
    private static final byte ACCOUNTING_REQUEST = 4;

    private final RadiusProperties properties;
    private final RegionState state;
    private final RadiusSecrets secrets;
    private final AccountingSessions sessions;
    private final AccountingForwarder forwarder;
    private final MeterRegistry meters;
    private final Clock clock;
    private EventLoopGroup group;
    private final List<Channel> auth = new ArrayList<>();
    private final List<Channel> accounting = new ArrayList<>();
    private ScheduledFuture<?> sweeping;

    RadiusServer(
            RadiusProperties properties,
            RegionState state,
            RadiusSecrets secrets,
            AccountingSessions sessions,
            AccountingForwarder forwarder,
            MeterRegistry meters,
            Clock clock) {
        this.properties = properties;
        this.state = state;
        this.secrets = secrets;
        this.sessions = sessions;
        this.forwarder = forwarder;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        var transport = Transport.best();
        int threads = properties.eventLoops();
        group = new MultiThreadIoEventLoopGroup(threads, transport.ioHandlers());
        var dictionary = RadiusDictionary.get();
        var metrics = new RadiusMetrics(meters);
        var handler = new RadiusRequestHandler(state, secrets, dictionary, sessions, forwarder, metrics, clock);
        var authDecoder = new DatagramRadiusRequestDecoder(ACCESS_REQUEST, state, secrets, dictionary, metrics);
        var accountingDecoder =
                new DatagramRadiusRequestDecoder(ACCOUNTING_REQUEST, state, secrets, dictionary, metrics);
        try {
            bind(transport, threads, properties.authPort(), auth, authDecoder, handler);
            bind(transport, threads, properties.accountingPort(), accounting, accountingDecoder, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the RADIUS ports", e);
        }
        sweeping = group.scheduleAtFixedRate(
                () -> sessions.sweep(
                        clock.instant(),
                        workspace -> staleAfter(state.workspace(workspace)
                                .map(Workspace::radius)
                                .orElse(RadiusProfile.DEFAULT))),
                1,
                1,
                TimeUnit.MINUTES);
        log.info(
                "RADIUS listening on {} ports {} (auth) and {} (accounting), {} sockets each",
                properties.bind(),
                authPort(),
                accountingPort(),
                auth.size());
    }

    private static Duration staleAfter(RadiusProfile profile) {
        return Duration.ofSeconds(3L * profile.interimIntervalSeconds());
    }

    private void bind(
            Transport transport,
            int threads,
            int port,
            List<Channel> channels,
            DatagramRadiusRequestDecoder decoder,
            RadiusRequestHandler handler)
            throws InterruptedException {
        var bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.datagram())
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel channel) {
                        channel.pipeline().addLast(decoder, handler);
                    }
                });
        if (transport.reusePort()) {
            bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
        }
        Channel first = bootstrap.bind(properties.bind(), port).sync().channel();
        channels.add(first);
        int bound = ((InetSocketAddress) first.localAddress()).getPort();
        for (int i = 1; transport.reusePort() && i < threads; i++) {
            channels.add(bootstrap.bind(properties.bind(), bound).sync().channel());
        }
    }

    @Override
    public synchronized void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
        auth.forEach(channel -> channel.close().syncUninterruptibly());
        accounting.forEach(channel -> channel.close().syncUninterruptibly());
        auth.clear();
        accounting.clear();
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return !auth.isEmpty();
    }

    /** The bound authentication port, for tests that asked for port 0. */
    public synchronized int authPort() {
        return ((InetSocketAddress) auth.getFirst().localAddress()).getPort();
    }

    /** The bound accounting port, for tests that asked for port 0. */
    public synchronized int accountingPort() {
        return ((InetSocketAddress) accounting.getFirst().localAddress()).getPort();
    }
}
