package io.reroute.gateway.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.TcpDnsResponseEncoder;
import io.netty.util.ReferenceCountUtil;
import io.reroute.gateway.net.Transport;
import io.reroute.gateway.state.Allowlist;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.support.StateFixtures;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of the query pipeline (redirect responder, decoder, handler, encoder): valid queries with random
 * bytes changed or cut off. Every packet is released, no error escapes, and every packet with a
 * header gets exactly one answer. Run with Netty's paranoid leak detector (see the pom).
 */
class DnsPipelineFuzzTest {

    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 53);
    private static final InetSocketAddress BLOCKED = new InetSocketAddress("10.0.0.2", 5353);
    private static final InetSocketAddress OUTSIDER = new InetSocketAddress("192.0.2.99", 5353);

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    @AfterEach
    void stop() {
        group.shutdownGracefully().syncUninterruptibly();
    }

    @Test
    void mutatedQueriesAreAnsweredOnceAndReleasedAndNeverEscapeAsErrors() throws Exception {
        var state = new RegionState();
        var workspace = UUID.randomUUID();
        state.replace(
                List.of(StateFixtures.workspace(
                        workspace, null, InetAddress.getByName("203.0.113.10"), null, Allowlist.EMPTY)),
                List.of(StateFixtures.subscriber(workspace, "F-1", "BLOCKED", "10.0.0.2")),
                "0-0",
                Instant.now());
        var meters = new SimpleMeterRegistry();
        // Redirected and refused queries never go upstream; a silent one is there for completeness.
        try (var upstream = new UpstreamClient(
                group, Transport.nio(), List.of(new InetSocketAddress("127.0.0.1", 9)), Duration.ofMillis(100))) {
            var networks = Networks.of(List.of("10.0.0.0/8"));
            var metrics = new DnsQueryMetrics(meters);
            var handler = new DnsQueryHandler(
                    new RedirectRule(state, networks),
                    Duration.ofSeconds(30),
                    upstream,
                    new ForwardCache(100, Duration.ofMinutes(1), Ticker.systemTicker(), meters),
                    metrics);
            var redirects = new DatagramDnsRedirectResponder(
                    new RedirectRule(state, networks), Duration.ofSeconds(30), metrics);
            // An embedded channel is not a datagram channel, so the codec path answers as over TCP; the
            // redirect responder, which only reads datagrams, answers with one.
            var channel = new EmbeddedChannel(
                    redirects, new SafeDatagramDnsQueryDecoder(), new TcpDnsResponseEncoder(), handler);
            byte[] valid = {
                0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 1, 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm',
                0, 0, 1, 0, 1, 0, 0, 41, 0x10, 0, 0, 0, 0, 0, 0, 0
            };
            var random = new Random(2026);
            for (int i = 0; i < 10_000; i++) {
                byte[] packet = valid.clone();
                for (int flips = random.nextInt(5); flips > 0; flips--) {
                    packet[random.nextInt(packet.length)] = (byte) random.nextInt(256);
                }
                packet[2] &= 0x7f; // a query, as resolvers get them; responses are dropped by the codec
                if (random.nextInt(4) == 0) {
                    packet = java.util.Arrays.copyOf(packet, random.nextInt(packet.length));
                }
                // Exactly the packet's size, or room to spare as in a receive buffer (answered in place).
                int capacity = random.nextBoolean() ? packet.length : 2048;
                ByteBuf buffer = Unpooled.directBuffer(capacity).writeBytes(packet);
                var source = random.nextInt(10) == 0 ? OUTSIDER : BLOCKED;
                channel.writeInbound(new DatagramPacket(buffer, SERVER, source));
                int answers = 0;
                for (Object out; (out = channel.readOutbound()) != null; ) {
                    assertThat(out).isInstanceOfAny(ByteBuf.class, DatagramPacket.class);
                    answers++;
                    ReferenceCountUtil.release(out);
                }
                assertThat(buffer.refCnt()).as("the packet is released").isZero();
                assertThat(answers).as("packet %d", i).isLessThanOrEqualTo(1);
                if (packet.length >= 12) {
                    assertThat(answers)
                            .as("packet %d has a header: %s", i, java.util.Arrays.toString(packet))
                            .isEqualTo(1);
                }
                channel.checkException();
            }
            assertThat(channel.finish()).isFalse();
        }
    }
}
