package io.reroute.gateway.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryEncoder;
import io.netty.handler.codec.dns.DatagramDnsResponseDecoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.handler.codec.dns.TcpDnsResponseDecoder;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The byte-level redirect answers exactly what the codec-based handler answers for the same query,
 * and passes every query it does not fully understand on untouched.
 */
class DatagramDnsRedirectResponderTest {

    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 53);
    private static final InetSocketAddress BLOCKED_WITH_V6 = new InetSocketAddress("10.0.0.2", 5353);
    private static final InetSocketAddress BLOCKED_WITHOUT_V6 = new InetSocketAddress("10.0.0.3", 5353);
    private static final InetSocketAddress ACTIVE = new InetSocketAddress("10.0.0.4", 5353);
    private static final InetSocketAddress OUTSIDER = new InetSocketAddress("192.0.2.99", 5353);

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final RegionState state = new RegionState();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DnsQueryMetrics metrics = new DnsQueryMetrics(meters);
    private final Networks networks = Networks.of(List.of("10.0.0.0/8"));
    private UpstreamClient upstream;

    @BeforeEach
    void state() throws Exception {
        var withV6 = UUID.randomUUID();
        var withoutV6 = UUID.randomUUID();
        state.replace(
                List.of(
                        StateFixtures.workspace(
                                withV6,
                                "pay.isp.example",
                                InetAddress.getByName("203.0.113.10"),
                                InetAddress.getByName("2001:db8::10"),
                                Allowlist.of(List.of("*.stripe.com"))),
                        StateFixtures.workspace(
                                withoutV6,
                                "pay.other.example",
                                InetAddress.getByName("198.51.100.7"),
                                null,
                                Allowlist.EMPTY)),
                List.of(
                        StateFixtures.subscriber(withV6, "A-1", "BLOCKED", "10.0.0.2"),
                        StateFixtures.subscriber(withoutV6, "B-1", "CAPPED", "10.0.0.3"),
                        StateFixtures.subscriber(withV6, "A-2", "ACTIVE", "10.0.0.4")),
                "0-0",
                Instant.now());
        // Nothing in these tests is forwarded for real: the passed-on queries never reach the handler.
        upstream = new UpstreamClient(
                group, Transport.nio(), List.of(new InetSocketAddress("127.0.0.1", 9)), Duration.ofMillis(100));
    }

    @AfterEach
    void stop() {
        upstream.close();
        group.shutdownGracefully().syncUninterruptibly();
    }

    @Test
    void answersLikeTheCodecPathForEveryRedirectedQueryShape() {
        List<DatagramPacket> queries = List.of(
                query(BLOCKED_WITH_V6, 1, "example.com.", DnsRecordType.A, true, 0),
                query(BLOCKED_WITH_V6, 2, "WwW.Example.COM.", DnsRecordType.A, false, 4096),
                query(BLOCKED_WITH_V6, 3, "ipv6.example.net.", DnsRecordType.AAAA, true, 1232),
                query(BLOCKED_WITHOUT_V6, 4, "ipv6.example.net.", DnsRecordType.AAAA, true, 0),
                query(BLOCKED_WITHOUT_V6, 5, "mail.example.org.", DnsRecordType.MX, true, 512),
                query(BLOCKED_WITH_V6, 6, "stripe.com.", DnsRecordType.A, true, 0),
                query(
                        BLOCKED_WITH_V6,
                        7,
                        "a-very-long-label-" + "x".repeat(40) + ".example.",
                        DnsRecordType.A,
                        true,
                        0));
        for (DatagramPacket query : queries) {
            DatagramPacket copy = query.copy();
            String fast = describe(fastAnswer(query));
            String slow = describe(slowAnswer(copy));
            assertThat(fast).isEqualTo(slow);
        }
        assertThat(meters.get("reroute.gateway.dns.queries").tag("outcome", "redirected").counters().stream()
                        .mapToDouble(c -> c.count())
                        .sum())
                .isEqualTo(2.0 * queries.size());
    }

    @Test
    void passesOnWhatTheCodecPathMustDecide() {
        List<DatagramPacket> queries = new ArrayList<>(List.of(
                query(BLOCKED_WITH_V6, 1, "checkout.stripe.com.", DnsRecordType.A, true, 0), // allowlisted
                query(BLOCKED_WITH_V6, 2, "PAY.isp.example.", DnsRecordType.A, true, 0), // reminder host
                query(BLOCKED_WITH_V6, 3, "use-application-dns.net.", DnsRecordType.A, true, 0), // canary
                query(ACTIVE, 4, "example.com.", DnsRecordType.A, true, 0),
                query(OUTSIDER, 5, "example.com.", DnsRecordType.A, true, 0),
                query(BLOCKED_WITH_V6, 6, ".", DnsRecordType.NS, true, 0)));
        byte[] compressed = {0, 7, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, (byte) 0xc0, 12, 0, 1, 0, 1};
        byte[] chaosClass = {0, 8, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 7, 'v', 'e', 'r', 's', 'i', 'o', 'n', 0, 0, 16, 0, 3};
        byte[] twoQuestions = {0, 9, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 1, 'a', 0, 0, 1, 0, 1, 1, 'b', 0, 0, 1, 0, 1};
        byte[] ednsVersion1 = {
            0, 10, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 'a', 0, 0, 1, 0, 1, 0, 0, 41, 4, 0, 0, 1, 0, 0, 0, 0
        };
        byte[] trailingBytes = {0, 11, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 'a', 0, 0, 1, 0, 1, 0};
        byte[] dotInLabel = {0, 12, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 3, 'a', '.', 'b', 0, 0, 1, 0, 1};
        byte[] response = {0, 13, (byte) 0x81, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 'a', 0, 0, 1, 0, 1};
        for (byte[] raw :
                List.of(compressed, chaosClass, twoQuestions, ednsVersion1, trailingBytes, dotInLabel, response)) {
            queries.add(new DatagramPacket(Unpooled.wrappedBuffer(raw), SERVER, BLOCKED_WITH_V6));
        }
        var channel = new EmbeddedChannel(
                new DatagramDnsRedirectResponder(new RedirectRule(state, networks), Duration.ofSeconds(30), metrics));
        for (DatagramPacket query : queries) {
            byte[] before = ByteBufUtil.getBytes(query.content());
            channel.writeInbound(query);
            assertThat(channel.<Object>readOutbound()).isNull();
            DatagramPacket passed = channel.readInbound();
            assertThat(passed).isSameAs(query);
            assertThat(ByteBufUtil.getBytes(passed.content())).isEqualTo(before);
            passed.release();
        }
        assertThat(channel.finish()).isFalse();
    }

    private DnsResponse fastAnswer(DatagramPacket query) {
        var channel = new EmbeddedChannel(
                new DatagramDnsRedirectResponder(new RedirectRule(state, networks), Duration.ofSeconds(30), metrics));
        channel.writeInbound(query);
        assertThat(channel.<Object>readInbound()).as("answered, not passed on").isNull();
        DatagramPacket answer = channel.readOutbound();
        assertThat(answer.recipient()).isEqualTo(query.sender());
        var decoder = new EmbeddedChannel(new DatagramDnsResponseDecoder());
        decoder.writeInbound(answer);
        channel.finish();
        return decoder.readInbound();
    }

    private DnsResponse slowAnswer(DatagramPacket query) {
        var handler = new DnsQueryHandler(
                new RedirectRule(state, networks),
                Duration.ofSeconds(30),
                upstream,
                new ForwardCache(10, Duration.ofMinutes(1), Ticker.systemTicker(), meters),
                metrics);
        // Not a datagram channel, so the codec path answers as over TCP: same message, length first.
        var channel = new EmbeddedChannel(new SafeDatagramDnsQueryDecoder(), new TcpDnsResponseEncoder(), handler);
        channel.writeInbound(query);
        ByteBuf framed = channel.readOutbound();
        var decoder = new EmbeddedChannel(new TcpDnsResponseDecoder());
        decoder.writeInbound(framed);
        channel.finish();
        return decoder.readInbound();
    }

    private static String describe(DnsResponse response) {
        try {
            var text = new StringBuilder()
                    .append(response.id())
                    .append(' ')
                    .append(response.opCode())
                    .append(' ')
                    .append(response.code())
                    .append(" rd=")
                    .append(response.isRecursionDesired())
                    .append(" ra=")
                    .append(response.isRecursionAvailable())
                    .append(" aa=")
                    .append(response.isAuthoritativeAnswer())
                    .append(" tc=")
                    .append(response.isTruncated());
            for (DnsSection section : DnsSection.values()) {
                for (int i = 0; i < response.count(section); i++) {
                    DnsRecord record = response.recordAt(section, i);
                    text.append('\n')
                            .append(section)
                            .append(' ')
                            .append(record.name())
                            .append(' ')
                            .append(record.type())
                            .append(' ')
                            .append(record.dnsClass())
                            .append(' ')
                            .append(record.timeToLive());
                    if (record instanceof DnsRawRecord raw) {
                        text.append(' ').append(ByteBufUtil.hexDump(raw.content()));
                    }
                }
            }
            return text.toString();
        } finally {
            ReferenceCountUtil.release(response);
        }
    }

    private static DatagramPacket query(
            InetSocketAddress sender, int id, String name, DnsRecordType type, boolean recursionDesired, int edns) {
        var query = new DatagramDnsQuery(sender, SERVER, id).setRecursionDesired(recursionDesired);
        query.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(name, type));
        if (edns > 0) {
            query.addRecord(DnsSection.ADDITIONAL, new OptRecord(edns));
        }
        // Encoded as a client sends it, then seen from the server's side.
        var encoder = new EmbeddedChannel(new DatagramDnsQueryEncoder());
        encoder.writeOutbound(query);
        DatagramPacket sent = encoder.readOutbound();
        encoder.finish();
        return new DatagramPacket(sent.content(), SERVER, sender);
    }
}
