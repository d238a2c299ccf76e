package io.reroute.gateway.radius.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.util.concurrent.ScheduledFuture;
import io.reroute.gateway.net.Transport;
import io.reroute.gateway.net.UdpListeners;
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

    private final RadiusProperties properties;
    private final RegionState state;
    private final RadiusSecrets secrets;
    private final AccountingSessions sessions;
    private final AccountingForwarder forwarder;
    private final RecentRadiusReplies replies;
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
            RecentRadiusReplies replies,
            MeterRegistry meters,
            Clock clock) {
        this.properties = properties;
        this.state = state;
        this.secrets = secrets;
        this.sessions = sessions;
        this.forwarder = forwarder;
        this.replies = replies;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        var transport = Transport.best();
        int threads = properties.eventLoops();
        group = new MultiThreadIoEventLoopGroup(threads, transport.ioHandlers());
        var metrics = new RadiusMetrics(meters);
        var handler = new RadiusRequestHandler(state, secrets, sessions, forwarder, metrics, replies, clock);
        var authDecoder =
                new DatagramRadiusRequestDecoder(DatagramRadiusRequestDecoder.ACCESS_REQUEST, state, secrets, metrics);
        var accountingDecoder = new DatagramRadiusRequestDecoder(
                DatagramRadiusRequestDecoder.ACCOUNTING_REQUEST, state, secrets, metrics);
        try {
            auth.addAll(UdpListeners.bind(
                    group,
                    transport,
                    properties.bind(),
                    properties.authPort(),
                    threads,
                    pipeline(authDecoder, handler)));
            accounting.addAll(UdpListeners.bind(
                    group,
                    transport,
                    properties.bind(),
                    properties.accountingPort(),
                    threads,
                    pipeline(accountingDecoder, handler)));
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

    private static ChannelInitializer<DatagramChannel> pipeline(
            DatagramRadiusRequestDecoder decoder, RadiusRequestHandler handler) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(DatagramChannel channel) {
                channel.pipeline().addLast(decoder, handler);
            }
        };
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
