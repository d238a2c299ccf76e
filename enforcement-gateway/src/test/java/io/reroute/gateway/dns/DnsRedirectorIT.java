package io.reroute.gateway.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reroute.gateway.dns.internal.DnsServer;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.support.Dig;
import io.reroute.gateway.support.FakePlatform;
import io.reroute.gateway.support.FakeUpstreamDns;
import io.reroute.gateway.support.Snapshots;
import io.reroute.gateway.support.TestRegion;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway as subscribers' resolvers see it: real UDP and TCP sockets, answers checked with
 * {@code dig}, state loaded from a snapshot in the platform's format and moved by entries on a real
 * Redis Stream in the relay's format.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DnsRedirectorIT {

    private static final String REGION = "test";
    private static final UUID ISP = UUID.randomUUID();
    private static final UUID ISP_WITHOUT_IPV6 = UUID.randomUUID();
    private static final UUID BLOCKED = UUID.randomUUID();
    private static final UUID ACTIVE = UUID.randomUUID();
    private static final UUID BLOCKED_NO_IPV6 = UUID.randomUUID();
    private static final UUID RESTORED = UUID.randomUUID();
    private static final UUID MOVING_ISP = UUID.randomUUID();
    private static final UUID BLOCKED_AT_MOVING_ISP = UUID.randomUUID();

    static final TestRegion region = TestRegion.start(REGION);
    static final FakePlatform platform = region.platform();
    static final FakeUpstreamDns upstream;

    static {
        try {
            upstream = new FakeUpstreamDns();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        platform.serve(snapshot());
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        region.wire(registry);
        registry.add("reroute.gateway.dns.bind", () -> "127.0.0.1");
        registry.add("reroute.gateway.dns.port", () -> "0");
        registry.add("reroute.gateway.dns.upstream", upstream::address);
        registry.add("reroute.gateway.dns.upstream-timeout", () -> "500ms");
        // 127.0.0.9 and above stand for addresses outside the ISP's subscriber networks.
        registry.add("reroute.gateway.dns.subscriber-networks", () -> "127.0.0.0/29");
        registry.add("reroute.gateway.captive.enabled", () -> "false");
        registry.add("reroute.gateway.radius.enabled", () -> "false");
    }

    @Autowired
    DnsServer dns;

    @Autowired
    RegionState state;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @LocalServerPort
    int httpPort;

    @AfterAll
    static void stopServers() throws IOException {
        region.close();
        upstream.close();
    }

    @BeforeEach
    void stateLoaded() {
        await().atMost(Duration.ofSeconds(20)).until(state::loaded);
        upstream.answering(true);
        platform.up(true);
    }

    @Test
    void blockedSubscriberGetsTheLandingAddressForAnyNameWithAShortTtl() throws Exception {
        var answer = dig("127.0.0.2", "WWW.Example.COM", "A");
        assertThat(answer.status()).isEqualTo("NOERROR");
        assertThat(answer.answers()).singleElement().satisfies(line -> assertThat(line)
                .isEqualToIgnoringCase("www.example.com. 30 IN A 203.0.113.10"));
        assertThat(dig("127.0.0.2", "news.example.org", "AAAA").data()).containsExactly("2001:db8::10");
        assertThat(dig("127.0.0.2", "anything.example", "A", "+tcp").data()).containsExactly("203.0.113.10");
        assertThat(dig("127.0.0.2", "example.com", "MX").answers()).isEmpty();
    }

    @Test
    void withoutALandingIpv6AAAAIsNoData() throws Exception {
        var answer = dig("127.0.0.4", "example.com", "AAAA");
        assertThat(answer.status()).isEqualTo("NOERROR");
        assertThat(answer.answers()).isEmpty();
        assertThat(dig("127.0.0.4", "example.com", "A").data()).containsExactly("198.51.100.7");
    }

    @Test
    void allowlistReminderHostAndCanariesAreAnsweredTruthfully() throws Exception {
        assertThat(dig("127.0.0.2", "checkout.STRIPE.com", "A").data()).containsExactly(FakeUpstreamDns.ANSWER);
        assertThat(dig("127.0.0.2", "a.b.c.stripe.com", "A").data()).containsExactly(FakeUpstreamDns.ANSWER);
        assertThat(dig("127.0.0.2", "stripe.com", "A").data())
                .as("a wildcard covers names below the domain, not the domain")
                .containsExactly("203.0.113.10");
        assertThat(dig("127.0.0.2", "paypal.com", "A").data()).containsExactly(FakeUpstreamDns.ANSWER);
        assertThat(dig("127.0.0.2", "pay.isp.example", "A").data()).containsExactly(FakeUpstreamDns.ANSWER);
        assertThat(dig("127.0.0.2", "use-application-dns.net", "A").status()).isEqualTo("NXDOMAIN");
        assertThat(dig("127.0.0.2", "mask.icloud.com", "A").status()).isEqualTo("NXDOMAIN");
    }

    @Test
    void everyoneElseIsForwardedAndOutsidersAreRefused() throws Exception {
        assertThat(dig("127.0.0.3", "example.com", "A").data()).containsExactly(FakeUpstreamDns.ANSWER);
        assertThat(dig("127.0.0.3", "use-application-dns.net", "A").data())
                .as("canaries are only for redirected subscribers")
                .containsExactly(FakeUpstreamDns.ANSWER);
        assertThat(dig("127.0.0.5", "example.com", "A").data()).containsExactly(FakeUpstreamDns.ANSWER);
        assertThat(dig("127.0.0.9", "example.com", "A").status()).isEqualTo("REFUSED");
    }

    @Test
    void ednsIsKept() throws Exception {
        assertThat(dig("127.0.0.2", "example.com", "A").output()).contains("OPT PSEUDOSECTION", "udp: 1232");
        assertThat(dig("127.0.0.2", "example.com", "A", "+noedns").output()).doesNotContain("OPT PSEUDOSECTION");
    }

    @Test
    void aTruncatedUpstreamAnswerIsFetchedOverTcpAndPassedOnInWhateverFitsTheClient() throws Exception {
        String large = FakeUpstreamDns.LARGE_NAME;
        assertThat(dig("127.0.0.3", large, "A").data())
                .as("fetched over TCP upstream, fits the client's EDNS buffer")
                .hasSize(FakeUpstreamDns.LARGE_COUNT);
        var plainUdp = dig("127.0.0.3", large, "A", "+noedns", "+ignore");
        assertThat(plainUdp.flags()).contains("tc");
        assertThat(plainUdp.answers()).isEmpty();
        assertThat(dig("127.0.0.3", large, "A", "+noedns").data())
                .as("dig retries over TCP after TC")
                .hasSize(FakeUpstreamDns.LARGE_COUNT);
        assertThat(dig("127.0.0.3", large, "A", "+tcp").data()).hasSize(FakeUpstreamDns.LARGE_COUNT);
    }

    @Test
    void forwardedAnswersAreCachedWithTheirRemainingTtl() throws Exception {
        String name = "cached-" + UUID.randomUUID() + ".example";
        var first = dig("127.0.0.3", name, "A");
        var second = dig("127.0.0.3", name.toUpperCase(), "A");
        assertThat(first.data()).containsExactly(FakeUpstreamDns.ANSWER);
        assertThat(second.data()).containsExactly(FakeUpstreamDns.ANSWER);
        assertThat(second.output()).as("the asker's own question comes back").contains(";" + name.toUpperCase() + ".");
        assertThat(Integer.parseInt(second.answers().getFirst().split(" ")[1])).isBetween(298, 300);
        assertThat(upstream.questions(name))
                .as("the second answer came from the cache")
                .isEqualTo(1);
    }

    @Test
    void upstreamDownIsServfailWithoutHanging() throws Exception {
        upstream.answering(false);
        long started = System.nanoTime();
        assertThat(dig("127.0.0.3", "uncached-" + UUID.randomUUID() + ".example", "A")
                        .status())
                .isEqualTo("SERVFAIL");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(dig("127.0.0.2", "example.com", "A").data())
                .as("redirects need no upstream")
                .containsExactly("203.0.113.10");
    }

    @Test
    void malformedPacketsGetFormerrOrAreDroppedAndNothingElseIsAffected() throws Exception {
        var random = new Random(7);
        try (var socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.2"))) {
            socket.setSoTimeout(2000);
            for (int i = 0; i < 200; i++) {
                byte[] garbage = new byte[random.nextInt(64)];
                random.nextBytes(garbage);
                if (garbage.length >= 12) {
                    garbage[2] = 0; // a query, not a response
                    garbage[5] = 1; // one question that is not there
                }
                socket.send(new DatagramPacket(garbage, garbage.length, InetAddress.getLoopbackAddress(), dns.port()));
            }
            byte[] header = {0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 7, 'b', 'r', 'o', 'k'};
            socket.send(new DatagramPacket(header, header.length, InetAddress.getLoopbackAddress(), dns.port()));
            var reply = new DatagramPacket(new byte[512], 512);
            do {
                socket.receive(reply);
            } while (!(reply.getData()[0] == 0x12 && reply.getData()[1] == 0x34));
            assertThat(reply.getData()[3] & 0x0f).as("RCODE FORMERR").isEqualTo(1);
        }
        assertThat(dig("127.0.0.2", "example.com", "A").data()).containsExactly("203.0.113.10");
    }

    @Test
    void restoreTakesEffectWithOneStreamDeliveryAndPlatformOutagesKeepTheState() throws Exception {
        platform.up(false);
        int before = platform.requests();
        assertThat(dig("127.0.0.6", "example.com", "A").data()).containsExactly("203.0.113.10");

        long published = System.nanoTime();
        publish(RESTORED, "127.0.0.6", 2, "ACTIVE");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> state.subscriber(RESTORED)
                .map(s -> s.version() == 2)
                .orElse(false));
        long appliedMillis = (System.nanoTime() - published) / 1_000_000;
        System.out.printf("restore applied %d ms after the stream entry was added%n", appliedMillis);
        assertThat(dig("127.0.0.6", "example.com", "A").data()).containsExactly(FakeUpstreamDns.ANSWER);
        // A replayed older version changes nothing.
        String position = state.position();
        publish(RESTORED, "127.0.0.6", 1, "BLOCKED");
        await().atMost(Duration.ofSeconds(5)).until(() -> !state.position().equals(position));
        assertThat(dig("127.0.0.6", "example.com", "A").data()).containsExactly(FakeUpstreamDns.ANSWER);
        assertThat(platform.requests()).as("the platform was down all along").isGreaterThanOrEqualTo(before);
    }

    @Test
    void workspaceChangesOnTheStreamMoveItsRedirectsAndAllowlistAtOnceAndNoOneElses() throws Exception {
        platform.up(false);
        assertThat(dig("127.0.0.7", "example.com", "A").data()).containsExactly("192.0.2.1");
        assertThat(dig("127.0.0.7", "checkout.stripe.com", "A").data()).containsExactly("192.0.2.1");

        Snapshots.publishWorkspace(
                redis, REGION, MOVING_ISP, "pay.moved.example", "192.0.2.77", "2001:db8::77", "*.stripe.com");
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> dig("127.0.0.7", "example.com", "A").data().equals(List.of("192.0.2.77")));

        assertThat(dig("127.0.0.7", "example.com", "AAAA").data()).containsExactly("2001:db8::77");
        assertThat(dig("127.0.0.7", "checkout.stripe.com", "A").data()).containsExactly(FakeUpstreamDns.ANSWER);
        assertThat(dig("127.0.0.7", "pay.moved.example", "A").data()).containsExactly(FakeUpstreamDns.ANSWER);
        assertThat(dig("127.0.0.7", "pay.moving.example", "A").data()).containsExactly("192.0.2.77");
        assertThat(dig("127.0.0.4", "example.com", "A").data())
                .as("another workspace's subscribers keep their own landing address")
                .containsExactly("198.51.100.7");
        assertThat(dig("127.0.0.4", "checkout.stripe.com", "A").data()).containsExactly("198.51.100.7");
    }

    @Test
    void queriesByOutcomeAndWorkspaceLatencyBucketsAndStreamLagAreExposed() throws Exception {
        dig("127.0.0.2", "metrics.example", "A");
        dig("127.0.0.2", "checkout.stripe.com", "A");
        dig("127.0.0.3", "metrics.example", "A");
        dig("127.0.0.9", "metrics.example", "A");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(prometheus()).contains("reroute_gateway_stream_lag_seconds{"));
        String metrics = prometheus();
        assertThat(metrics)
                .containsPattern(
                        "reroute_gateway_dns_queries_total\\{[^}]*outcome=\"redirected\"[^}]*workspace=\"" + ISP + "\"")
                .containsPattern("reroute_gateway_dns_queries_total\\{[^}]*outcome=\"allowlisted\"[^}]*workspace=\""
                        + ISP + "\"")
                .containsPattern(
                        "reroute_gateway_dns_queries_total\\{[^}]*outcome=\"forwarded\"[^}]*workspace=\"none\"")
                .containsPattern("reroute_gateway_dns_queries_total\\{[^}]*outcome=\"refused\"")
                .containsPattern(
                        "reroute_gateway_dns_latency_seconds_bucket\\{[^}]*outcome=\"redirected\",le=\"1.0E-4\"")
                .contains("reroute_gateway_state_staleness_seconds{")
                .contains("reroute_gateway_snapshot_age_seconds{");
    }

    private String prometheus() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + httpPort)
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private void publish(UUID subscriber, String ipv4, long version, String newState) {
        Snapshots.publish(redis, REGION, ISP, subscriber, ipv4, version, newState);
    }

    private Dig.Result dig(String source, String name, String type, String... options) throws Exception {
        return Dig.query(dns.port(), source, name, type, options);
    }

    private static String snapshot() {
        return Snapshots.snapshot(
                REGION,
                Snapshots.workspace(
                        ISP,
                        "pay.isp.example",
                        "203.0.113.10",
                        "2001:db8::10",
                        "*.stripe.com",
                        "paypal.com",
                        "10.9.0.0/16"),
                Snapshots.subscriberLine(ISP, BLOCKED, "127.0.0.2", 1, "BLOCKED"),
                Snapshots.subscriberLine(ISP, ACTIVE, "127.0.0.3", 1, "ACTIVE"),
                Snapshots.subscriberLine(ISP, RESTORED, "127.0.0.6", 1, "BLOCKED"),
                Snapshots.workspace(ISP_WITHOUT_IPV6, null, "198.51.100.7", null),
                Snapshots.subscriberLine(ISP_WITHOUT_IPV6, BLOCKED_NO_IPV6, "127.0.0.4", 3, "BLOCKED"),
                Snapshots.workspace(MOVING_ISP, "pay.moving.example", "192.0.2.1", null),
                Snapshots.subscriberLine(MOVING_ISP, BLOCKED_AT_MOVING_ISP, "127.0.0.7", 1, "BLOCKED"));
    }
}
