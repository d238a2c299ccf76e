package io.reroute.gateway.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reroute.gateway.GatewayInstance;
import io.reroute.gateway.dns.internal.DnsServer;
import io.reroute.gateway.radius.internal.RadiusServer;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.support.Dig;
import io.reroute.gateway.support.FakeUpstreamDns;
import io.reroute.gateway.support.ProbeClient;
import io.reroute.gateway.support.Snapshots;
import io.reroute.gateway.support.Snapshots.Nas;
import io.reroute.gateway.support.Snapshots.Router;
import io.reroute.gateway.support.TestNas;
import io.reroute.gateway.support.TestRegion;
import io.reroute.gateway.support.TestRouterOs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What staff see of a region's gateways, as the platform reads it from Redis: each gateway's health
 * in the region's hash, and its answer to a probe about one subscriber, computed by the gateway's
 * own DNS rule (checked against {@code dig} from the subscriber's address), from the router list as
 * reconciliation read it and from the last RADIUS answer sent; never about another workspace's
 * subscriber, and never stopped by messages that are no probe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayDiagnosisIT {

    private static final String REGION = "diagnosis-test";
    private static final UUID ISP = UUID.randomUUID();
    private static final UUID OTHER_ISP = UUID.randomUUID();
    private static final UUID BLOCKED = UUID.randomUUID();
    private static final UUID ACTIVE = UUID.randomUUID();
    private static final UUID OTHERS_SUBSCRIBER = UUID.randomUUID();
    private static final String SECRET = "nas-secret-of-the-isp";
    private static final String LANDING = "203.0.113.10";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final TestRegion region = TestRegion.start(REGION);
    static final TestRouterOs edge;
    static final Router edgeRouter;
    static final FakeUpstreamDns upstream;

    static {
        try {
            edge = TestRouterOs.start("reroute", "pw");
            upstream = new FakeUpstreamDns();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        edgeRouter = Router.edge(edge.port(), "pw");
        var seal = region.seal();
        region.platform()
                .serve(Snapshots.snapshot(
                        REGION,
                        Snapshots.routerWorkspace(
                                ISP,
                                seal,
                                "pay.isp.example",
                                LANDING,
                                List.of("*.stripe.com"),
                                "unpaid",
                                List.of(Nas.mikrotik("127.0.0.1", SECRET)),
                                List.of(edgeRouter)),
                        Snapshots.radiusWorkspace(
                                OTHER_ISP,
                                seal,
                                "restricted",
                                "1M/1M",
                                null,
                                Nas.mikrotik("127.0.0.6", "other-secret")),
                        // Addresses on the loopback network, so that dig can ask from them.
                        Snapshots.pppoeSubscriberLine(
                                seal, ISP, BLOCKED, "blocked@isp", "blocked-pw", "BLOCKED", "127.0.0.2", "10M/10M"),
                        Snapshots.pppoeSubscriberLine(
                                seal, ISP, ACTIVE, "active@isp", "active-pw", "ACTIVE", "127.0.0.3", "20M/20M"),
                        Snapshots.pppoeSubscriberLine(
                                seal,
                                OTHER_ISP,
                                OTHERS_SUBSCRIBER,
                                "blocked@isp",
                                "other-pw",
                                "BLOCKED",
                                "127.0.0.5",
                                "5M/5M")));
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        region.wireRadius(registry);
        registry.add("reroute.gateway.dns.enabled", () -> "true");
        registry.add("reroute.gateway.dns.bind", () -> "127.0.0.1");
        registry.add("reroute.gateway.dns.port", () -> "0");
        registry.add("reroute.gateway.dns.upstream", upstream::address);
        registry.add("reroute.gateway.dns.upstream-timeout", () -> "500ms");
        registry.add("reroute.gateway.routers.reconcile-interval", () -> "1s");
        registry.add("reroute.gateway.diagnosis.heartbeat-interval", () -> "300ms");
    }

    @Autowired
    RegionState state;

    @Autowired
    RadiusServer radius;

    @Autowired
    DnsServer dns;

    @Autowired
    GatewayInstance instance;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    ReactiveRedisConnectionFactory connections;

    @Autowired
    ApplicationContext context;

    ProbeClient probes;

    @AfterAll
    static void stop() throws IOException {
        edge.close();
        upstream.close();
        region.close();
    }

    @BeforeEach
    void stateLoaded() {
        await().atMost(Duration.ofSeconds(20)).until(state::loaded);
        probes = new ProbeClient(connections, redis);
    }

    @AfterEach
    void closeProbes() {
        probes.close();
    }

    @Test
    void everyGatewayReportsItsHealthInTheRegionsHash() {
        String key = "reroute:region:" + REGION + ":gateways";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode report = health(key);
            assertThat(report).as("this gateway's field").isNotNull();
            assertThat(report.get("loaded").asBoolean()).isTrue();
            assertThat(report.get("subscribers").asInt()).isEqualTo(3);
        });
        JsonNode report = health(key);
        assertThat(report.get("instance").asString()).isEqualTo(instance.id());
        assertThat(report.get("region").asString()).isEqualTo(REGION);
        assertThat(Instant.ofEpochMilli(report.get("at").asLong()))
                .isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(1));
        assertThat(report.get("streamLagSeconds").isNumber()).isTrue();
        assertThat(report.get("snapshotAgeSeconds").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(report.get("stalenessSeconds").asDouble()).isLessThan(10);
        assertThat(redis.getExpire(key).block())
                .as("the hash goes when the region's gateways do")
                .isPositive();

        // A gateway long gone, and one that stops on purpose.
        redis.opsForHash()
                .put(
                        key,
                        "crashed-1",
                        "{\"instance\":\"crashed-1\",\"at\":"
                                + Instant.now().minus(Duration.ofDays(2)).toEpochMilli() + "}")
                .block();
        var heartbeat = context.getBean("heartbeat", SmartLifecycle.class);
        heartbeat.stop();
        try {
            assertThat(redis.opsForHash().hasKey(key, instance.id()).block())
                    .as("removed at shutdown")
                    .isFalse();
        } finally {
            heartbeat.start();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(health(key)).as("reporting again").isNotNull();
            assertThat(redis.opsForHash().hasKey(key, "crashed-1").block())
                    .as("a gateway gone for two days, pruned at the first beat after a start")
                    .isFalse();
        });
    }

    @Test
    void aRestrictedSubscriberIsRedirectedListedAndAcceptedIntoTheExpiredProfile() throws Exception {
        try (var nas = new TestNas("127.0.0.1", SECRET)) {
            var accept = nas.access(radius.authPort(), "blocked@isp", "blocked-pw", true)
                    .orElseThrow();
            assertThat(accept.getType()).isEqualTo((byte) 2);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(probe(ISP, BLOCKED, "www.example.com")
                        .path("routers")
                        .path(0)
                        .path("membership")
                        .asString())
                .isEqualTo("LISTED"));

        JsonNode answer = probe(ISP, BLOCKED, "www.example.com");

        assertThat(answer.get("instance").asString()).isEqualTo(instance.id());
        assertThat(answer.get("loaded").asBoolean()).isTrue();
        JsonNode subscriber = answer.get("subscriber");
        assertThat(subscriber.get("state").asString()).isEqualTo("BLOCKED");
        assertThat(subscriber.get("version").asLong()).isEqualTo(1);
        assertThat(subscriber.get("redirected").asBoolean()).isTrue();
        JsonNode dnsAnswer = answer.get("dns");
        assertThat(dnsAnswer.get("source").asString()).isEqualTo("127.0.0.2");
        assertThat(dnsAnswer.get("outcome").asString()).isEqualTo("REDIRECTED");
        assertThat(dnsAnswer.get("landingIpv4").asString()).isEqualTo(LANDING);
        assertThat(dnsAnswer.get("sourceIsSubscriber").asBoolean()).isTrue();
        assertThat(dnsAnswer.get("served").asBoolean()).isTrue();
        assertThat(Dig.query(dns.port(), "127.0.0.2", "www.example.com", "A").data())
                .as("what the subscriber really gets")
                .containsExactly(LANDING);
        JsonNode router = answer.get("routers").get(0);
        assertThat(router.get("routerId").asString()).isEqualTo(edgeRouter.id().toString());
        assertThat(router.get("addressList").asString()).isEqualTo("unpaid");
        assertThat(router.get("address").asString()).isEqualTo("127.0.0.2");
        assertThat(router.get("seenAt").asLong()).isPositive();
        JsonNode radiusReply = answer.get("radius");
        assertThat(radiusReply.get("code").asString()).isEqualTo("Access-Accept");
        assertThat(radiusReply.get("addressList").asString()).isEqualTo("unpaid");
        assertThat(radiusReply.get("rateLimit").asString()).isEqualTo("256k/256k");
        assertThat(radiusReply.get("framedIpAddress").asString()).isEqualTo("127.0.0.2");
        assertThat(radiusReply.get("nasName").asString()).isEqualTo("nas-127.0.0.1");
        assertThat(radiusReply.toString()).doesNotContain("blocked-pw");

        JsonNode payment = probe(ISP, BLOCKED, "checkout.stripe.com").get("dns");
        assertThat(payment.get("outcome").asString()).as("allowlisted").isEqualTo("ALLOWLISTED");
        assertThat(payment.get("landingIpv4").isNull()).isTrue();
        assertThat(Dig.query(dns.port(), "127.0.0.2", "checkout.stripe.com", "A")
                        .data())
                .containsExactly(FakeUpstreamDns.ANSWER);
        assertThat(probe(ISP, BLOCKED, "Pay.ISP.example.")
                        .path("dns")
                        .path("outcome")
                        .asString())
                .as("the reminder host, in any case, with a trailing dot")
                .isEqualTo("ALLOWLISTED");
    }

    @Test
    void anActiveSubscriberResolvesNormallyIsNotListedAndSeesItsLastAnswer() throws Exception {
        try (var nas = new TestNas("127.0.0.1", SECRET)) {
            assertThat(nas.access(radius.authPort(), "active@isp", "active-pw", true)
                            .orElseThrow()
                            .getType())
                    .isEqualTo((byte) 2);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(probe(ISP, ACTIVE, "example.com")
                        .path("routers")
                        .path(0)
                        .path("membership")
                        .asString())
                .isEqualTo("NOT_LISTED"));

        JsonNode answer = probe(ISP, ACTIVE, "example.com");

        assertThat(answer.get("subscriber").get("state").asString()).isEqualTo("ACTIVE");
        assertThat(answer.get("subscriber").get("redirected").asBoolean()).isFalse();
        assertThat(answer.get("dns").get("outcome").asString()).isEqualTo("FORWARDED");
        assertThat(Dig.query(dns.port(), "127.0.0.3", "example.com", "A").data())
                .containsExactly(FakeUpstreamDns.ANSWER);
        assertThat(answer.get("radius").get("code").asString()).isEqualTo("Access-Accept");
        assertThat(answer.get("radius").get("rateLimit").asString()).isEqualTo("20M/20M");
        assertThat(answer.get("radius").get("addressList").isNull()).isTrue();

        try (var nas = new TestNas("127.0.0.1", SECRET)) {
            assertThat(nas.access(radius.authPort(), "active@isp", "a-guess", true)
                            .orElseThrow()
                            .getType())
                    .isEqualTo((byte) 3);
        }
        JsonNode rejected = probe(ISP, ACTIVE, "example.com").get("radius");
        assertThat(rejected.get("code").asString()).isEqualTo("Access-Reject");
        assertThat(rejected.get("replyMessage").asString()).isEqualTo("Wrong user name or password");
    }

    @Test
    void aGatewayAnswersOnlyAboutTheWorkspaceNamedInTheRequest() {
        for (JsonNode answer : List.of(
                probe(OTHER_ISP, BLOCKED, "example.com"),
                probe(ISP, OTHERS_SUBSCRIBER, "example.com"),
                probe(ISP, UUID.randomUUID(), "example.com"))) {
            assertThat(answer.get("loaded").asBoolean()).isTrue();
            assertThat(answer.get("subscriber").isNull()).as(answer.toString()).isTrue();
            assertThat(answer.get("dns").isNull()).isTrue();
            assertThat(answer.get("routers").isNull()).isTrue();
            assertThat(answer.get("radius").isNull()).isTrue();
        }
        assertThat(probe(OTHER_ISP, OTHERS_SUBSCRIBER, "example.com")
                        .path("subscriber")
                        .path("state")
                        .asString())
                .as("its own workspace's subscriber")
                .isEqualTo("BLOCKED");
    }

    @Test
    void messagesThatAreNoProbeAreDroppedAndProbesStillAnswered() {
        for (String garbage : List.of(
                "not json",
                "{}",
                "[1,2,3]",
                "{\"requestId\":\"not-a-uuid\",\"workspace\":\"" + ISP + "\",\"subscriberId\":\"" + BLOCKED + "\"}",
                "{\"requestId\":\"" + UUID.randomUUID() + "\",\"workspace\":\"" + ISP + "\",\"subscriberId\":\""
                        + BLOCKED + "\",\"name\":\"bad name\\u0000\"}",
                "{\"requestId\":\"" + UUID.randomUUID() + "\",\"workspace\":\"" + ISP + "\",\"subscriberId\":\""
                        + BLOCKED + "\",\"name\":" + "\"" + "a".repeat(300) + "\"}")) {
            probes.publish(REGION, garbage);
        }

        assertThat(probe(ISP, BLOCKED, "example.com")
                        .path("subscriber")
                        .path("state")
                        .asString())
                .isEqualTo("BLOCKED");
    }

    private JsonNode probe(UUID workspace, UUID subscriber, String name) {
        JsonNode answer = probes.probe(REGION, workspace, subscriber, name);
        assertThat(answer).as("an answer within 5 s").isNotNull();
        assertThat(answer.get("workspace").asString()).isEqualTo(workspace.toString());
        assertThat(answer.get("subscriberId").asString()).isEqualTo(subscriber.toString());
        return answer;
    }

    private JsonNode health(String key) {
        Object value = redis.opsForHash().get(key, instance.id()).block();
        return value == null ? null : JSON.readTree(value.toString());
    }
}
