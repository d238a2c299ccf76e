package io.reroute.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reroute.platform.support.MutableClock;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateways as the platform sees them through Redis: their health from the region's hash (written
 * here as gateways write it), and subscriber probes answered by stand-in gateways listening on the
 * region's probe channel, collected until all answered or the timeout passed.
 */
@PlatformIntegrationTest
class GatewayDiagnosisIT {

    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(1500);

    @Autowired
    GatewayHealth health;

    @Autowired
    SubscriberProbe probe;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    ReactiveRedisConnectionFactory connections;

    @Autowired
    JsonMapper json;

    @Autowired
    MutableClock clock;

    private final List<Disposable> gateways = new ArrayList<>();
    private final List<ReactiveRedisMessageListenerContainer> connectionsOfGateways = new ArrayList<>();

    @AfterEach
    void stopGateways() {
        gateways.forEach(Disposable::dispose);
        connectionsOfGateways.forEach(ReactiveRedisMessageListenerContainer::destroy);
        clock.reset();
    }

    @Test
    void aRegionsGatewaysAreReadFromItsHashAndJudged() {
        String region = region();
        String key = "reroute:region:" + region + ":gateways";
        Instant now = clock.instant();
        report(key, "gw-b-healthy", now.minusSeconds(2), true, 0.2, 0.5);
        report(key, "gw-a-lagging", now.minusSeconds(1), true, 12.5, 0.5);
        report(key, "gw-c-loading", now.minusSeconds(1), false, 0, 0);
        report(key, "gw-d-silent", now.minusSeconds(45), true, 0, 0.5);
        report(key, "gw-e-stale-stream", now.minusSeconds(1), true, 0, 40);
        report(key, "gw-f-long-gone", now.minus(Duration.ofDays(2)), true, 0, 0);
        redis.opsForHash().put(key, "gw-g-unreadable", "{not json").block();

        var statuses = health.region(region).collectList().block();

        assertThat(statuses)
                .extracting(GatewayStatus::instance)
                .containsExactly("gw-a-lagging", "gw-b-healthy", "gw-c-loading", "gw-d-silent", "gw-e-stale-stream");
        assertThat(statuses).filteredOn(GatewayStatus::healthy).singleElement().satisfies(healthy -> {
            assertThat(healthy.instance()).isEqualTo("gw-b-healthy");
            assertThat(healthy.region()).isEqualTo(region);
            assertThat(healthy.lastSeenAt())
                    .isEqualTo(Instant.ofEpochMilli(now.minusSeconds(2).toEpochMilli()));
            assertThat(healthy.startedAt()).isBefore(healthy.lastSeenAt());
            assertThat(healthy.streamLagSeconds()).isEqualTo(0.2);
            assertThat(healthy.snapshotAgeSeconds()).isEqualTo(60.0);
            assertThat(healthy.stalenessSeconds()).isEqualTo(0.5);
            assertThat(healthy.subscribers()).isEqualTo(1234);
            assertThat(healthy.loaded()).isTrue();
        });
        assertThat(redis.opsForHash().hasKey(key, "gw-f-long-gone").block())
                .as("a gateway gone for two days is forgotten")
                .isFalse();
        assertThat(redis.opsForHash().hasKey(key, "gw-g-unreadable").block())
                .as("left for its gateway to overwrite")
                .isTrue();

        clock.shift(Duration.ofMinutes(1));
        assertThat(health.region(region)
                        .filter(GatewayStatus::healthy)
                        .collectList()
                        .block())
                .as("a minute later, without new reports")
                .isEmpty();
        assertThat(health.region(region()).collectList().block())
                .as("a region nobody reported in")
                .isEmpty();
    }

    @Test
    void aProbeCollectsEveryGatewaysAnswerAndEndsWhenAllAnswered() {
        String region = region();
        WorkspaceId workspace = WorkspaceId.random();
        UUID subscriber = UUID.randomUUID();
        gateway(region, request -> restricted(request, "gw-2", region));
        gateway(region, request -> restricted(request, "gw-1", region));

        long started = System.nanoTime();
        var replies =
                probe.probe(workspace, region, subscriber, "www.example.com").block();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("done when both answered, not at the timeout").isLessThan(PROBE_TIMEOUT);
        assertThat(replies).extracting(ProbeReply::instance).containsExactly("gw-1", "gw-2");
        var reply = replies.getFirst();
        assertThat(reply.knowsSubscriber()).isTrue();
        assertThat(reply.region()).isEqualTo(region);
        assertThat(reply.stateLoaded()).isTrue();
        assertThat(reply.answeredAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(reply.subscriber()).isEqualTo(new ProbeReply.SubscriberRecord("BLOCKED", 7, 2, true, false));
        assertThat(reply.dns())
                .isEqualTo(new ProbeReply.DnsAnswer(
                        "www.example.com", "100.64.0.9", "REDIRECTED", "203.0.113.10", null, true, true));
        assertThat(reply.dns().redirected()).isTrue();
        assertThat(reply.routers()).singleElement().satisfies(router -> {
            assertThat(router.routerName()).isEqualTo("core-1");
            assertThat(router.addressList()).isEqualTo("unpaid");
            assertThat(router.membership()).isEqualTo("LISTED");
            assertThat(router.seenAt()).isEqualTo(Instant.ofEpochMilli(1_699_999_990_000L));
            assertThat(router.listedAddress()).isEqualTo("100.64.0.9");
        });
        assertThat(reply.lastRadiusReply().code()).isEqualTo("Access-Accept");
        assertThat(reply.lastRadiusReply().sentAt()).isEqualTo(Instant.ofEpochMilli(1_699_999_000_000L));
        assertThat(reply.lastRadiusReply().addressList()).isEqualTo("unpaid");
        assertThat(reply.lastRadiusReply().rateLimit()).isEqualTo("256k/256k");
        assertThat(reply.lastRadiusReply().totalLimitOctets()).isNull();
        assertThat(reply.toString())
                .contains("gw-1", "BLOCKED", "REDIRECTED", "Access-Accept")
                .doesNotContain("100.64.0.9", "Welcome");
    }

    @Test
    void aProbeReturnsWhatCameWhenAGatewayStaysSilentUntilTheTimeout() {
        String region = region();
        WorkspaceId workspace = WorkspaceId.random();
        UUID subscriber = UUID.randomUUID();
        gateway(region, request -> restricted(request, "gw-answering", region));
        gateway(region, request -> null);

        long started = System.nanoTime();
        var replies = probe.probe(workspace, region, subscriber).block();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(replies).extracting(ProbeReply::instance).containsExactly("gw-answering");
        assertThat(took).isGreaterThanOrEqualTo(PROBE_TIMEOUT).isLessThan(PROBE_TIMEOUT.multipliedBy(3));
    }

    @Test
    void answersAboutAnotherRequestWorkspaceOrSubscriberAndUnreadableOnesAreIgnored() {
        String region = region();
        WorkspaceId workspace = WorkspaceId.random();
        UUID subscriber = UUID.randomUUID();
        gateway(region, request -> {
            var answer = restricted(request, "gw-other-workspace", region);
            answer.put("workspace", UUID.randomUUID().toString());
            return answer;
        });
        gateway(region, request -> {
            var answer = restricted(request, "gw-other-request", region);
            answer.put("requestId", UUID.randomUUID().toString());
            return answer;
        });
        gateway(region, request -> Map.of("not", "an answer"));
        gateway(region, request -> unknown(request, "gw-unknown", region));

        var replies = probe.probe(workspace, region, subscriber).block();

        assertThat(replies).singleElement().satisfies(reply -> {
            assertThat(reply.instance()).isEqualTo("gw-unknown");
            assertThat(reply.knowsSubscriber()).isFalse();
            assertThat(reply.dns()).isNull();
            assertThat(reply.routers()).isEmpty();
            assertThat(reply.lastRadiusReply()).isNull();
            assertThat(reply.toString()).contains("subscriber unknown");
        });
    }

    @Test
    void theRequestNamesTheWorkspaceSubscriberAndName() {
        String region = region();
        WorkspaceId workspace = WorkspaceId.random();
        UUID subscriber = UUID.randomUUID();
        var heard = new CopyOnWriteArrayList<JsonNode>();
        gateway(region, request -> {
            heard.add(request);
            return unknown(request, "gw", region);
        });

        probe.probe(workspace, region, subscriber).block();
        probe.probe(workspace, region, subscriber, "Pay.Example.NET.").block();

        assertThat(heard).hasSize(2);
        assertThat(heard.getFirst().get("workspace").asString()).isEqualTo(workspace.toString());
        assertThat(heard.getFirst().get("subscriberId").asString()).isEqualTo(subscriber.toString());
        assertThat(heard.getFirst().get("name").asString()).isEqualTo(SubscriberProbe.DEFAULT_NAME);
        assertThat(heard.getLast().get("name").asString()).isEqualTo("Pay.Example.NET.");
        assertThat(heard.getFirst().get("requestId").asString())
                .isNotEqualTo(heard.getLast().get("requestId").asString());
    }

    @Test
    void withNobodyListeningAndNoHealthyGatewayTheAnswerIsAtOnceEmpty() {
        long started = System.nanoTime();
        assertThat(probe.probe(WorkspaceId.random(), region(), UUID.randomUUID())
                        .block())
                .isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROBE_TIMEOUT);
    }

    @Test
    void aHealthyGatewayThatDoesNotListenIsWaitedForUntilTheTimeout() {
        String region = region();
        report("reroute:region:" + region + ":gateways", "gw-deaf", clock.instant(), true, 0, 0.5);

        long started = System.nanoTime();
        assertThat(probe.probe(WorkspaceId.random(), region, UUID.randomUUID()).block())
                .isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(PROBE_TIMEOUT);
    }

    @Test
    void aRegionOrNameThatIsNoSuchThingIsRefused() {
        var workspace = WorkspaceId.random();
        var subscriber = UUID.randomUUID();
        assertThatThrownBy(() -> probe.probe(workspace, "EU WEST*", subscriber).block())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        probe.probe(workspace, "eu-west", subscriber, "a b").block())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> probe.probe(workspace, "eu-west", subscriber, "x".repeat(64) + ".example")
                        .block())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> health.region("a:b").blockFirst()).isInstanceOf(IllegalArgumentException.class);
    }

    /** A fresh region per test, so that nothing another test left in Redis counts. */
    private static String region() {
        return "diag-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }

    /** A gateway's health report as gateways write it. */
    private void report(String key, String instance, Instant at, boolean loaded, double lag, double staleness) {
        var report = new LinkedHashMap<String, Object>();
        report.put("instance", instance);
        report.put("region", "ignored");
        report.put("at", at.toEpochMilli());
        report.put("startedAt", at.minus(Duration.ofHours(1)).toEpochMilli());
        report.put("loaded", loaded);
        report.put("subscribers", 1234);
        report.put("streamLagSeconds", lag);
        report.put("snapshotAgeSeconds", 60.0);
        report.put("stalenessSeconds", staleness);
        report.put("addedByANewerGateway", "ignored");
        redis.opsForHash().put(key, instance, json.writeValueAsString(report)).block();
    }

    /**
     * A stand-in gateway on a pub/sub connection of its own, as each gateway has: answers each probe on
     * the region's channel with what {@code answer} makes of the request (nothing when null); listening
     * once this returns.
     */
    private void gateway(String region, Function<JsonNode, Map<String, Object>> answer) {
        var container = new ReactiveRedisMessageListenerContainer(connections);
        connectionsOfGateways.add(container);
        var messages = container
                .receiveLater(ChannelTopic.of("reroute:region:" + region + ":probes"))
                .block();
        gateways.add(messages.concatMap(message -> {
                    JsonNode request = json.readTree(message.getMessage());
                    var reply = answer.apply(request);
                    return reply == null
                            ? Mono.empty()
                            : redis.convertAndSend(
                                    "reroute:probe-reply:"
                                            + request.get("requestId").asString(),
                                    json.writeValueAsString(reply));
                })
                .subscribe());
    }

    /** What a gateway answers about a subscriber it does not hold in the workspace asked about. */
    private static Map<String, Object> unknown(JsonNode request, String instance, String region) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("requestId", request.get("requestId").asString());
        answer.put("instance", instance);
        answer.put("region", region);
        answer.put("at", 1_700_000_000_000L);
        answer.put("loaded", true);
        answer.put("workspace", request.get("workspace").asString());
        answer.put("subscriberId", request.get("subscriberId").asString());
        answer.put("subscriber", null);
        answer.put("dns", null);
        answer.put("routers", null);
        answer.put("radius", null);
        return answer;
    }

    /** What a gateway answers about a blocked subscriber it redirects, lists and accepted restricted. */
    private static Map<String, Object> restricted(JsonNode request, String instance, String region) {
        var answer = unknown(request, instance, region);
        answer.put(
                "subscriber",
                Map.of("state", "BLOCKED", "version", 7, "profileVersion", 2, "redirected", true, "throttled", false));
        var dns = new LinkedHashMap<String, Object>();
        dns.put("name", request.get("name").asString());
        dns.put("source", "100.64.0.9");
        dns.put("outcome", "REDIRECTED");
        dns.put("landingIpv4", "203.0.113.10");
        dns.put("landingIpv6", null);
        dns.put("sourceIsSubscriber", true);
        dns.put("served", true);
        answer.put("dns", dns);
        var router = new LinkedHashMap<String, Object>();
        router.put("routerId", UUID.randomUUID().toString());
        router.put("name", "core-1");
        router.put("addressList", "unpaid");
        router.put("membership", "LISTED");
        router.put("seenAt", 1_699_999_990_000L);
        router.put("address", "100.64.0.9");
        answer.put("routers", List.of(router));
        var radius = new LinkedHashMap<String, Object>();
        radius.put("code", "Access-Accept");
        radius.put("at", 1_699_999_000_000L);
        radius.put("nasId", UUID.randomUUID().toString());
        radius.put("nasName", "core-1");
        radius.put("framedIpAddress", "100.64.0.9");
        radius.put("framedPool", null);
        radius.put("addressList", "unpaid");
        radius.put("rateLimit", "256k/256k");
        radius.put("totalLimitOctets", null);
        radius.put("filterId", null);
        radius.put("replyMessage", "Welcome");
        answer.put("radius", radius);
        answer.put("addedByANewerGateway", Map.of("any", "thing"));
        return answer;
    }
}
