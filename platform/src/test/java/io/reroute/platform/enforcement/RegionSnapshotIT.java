package io.reroute.platform.enforcement;

import static io.reroute.platform.support.BillingFixtures.invoice;
import static io.reroute.platform.support.BillingFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.reroute.platform.enforcement.internal.OutboxRelay;
import io.reroute.platform.enforcement.internal.OverdueEvaluation;
import io.reroute.platform.support.InternalCredentials;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.MutableClock;
import io.reroute.platform.support.NasFixtures;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.RegionStreams;
import io.reroute.platform.support.SettingsFixtures;
import io.reroute.platform.support.TestWorkspace;
import io.reroute.seal.RegionSeal;
import io.reroute.seal.SealContexts;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The region snapshot a gateway bootstraps from: only its region, only with its region's gateway
 * credentials, and positioned so that tailing the stream from it misses nothing.
 */
@PlatformIntegrationTest
class RegionSnapshotIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    static TestWorkspace inEuWest;
    static TestWorkspace inUsEast;
    static String nasOfEuWest;

    @Autowired
    MutableClock clock;

    @Autowired
    OverdueEvaluation evaluation;

    @Autowired
    OutboxRelay relay;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @BeforeAll
    static void twoRegions() {
        inEuWest = workspaces.create("eu-west");
        inUsEast = workspaces.create("us-east");
        SettingsFixtures.configure(inEuWest, "Snap Net", "pay." + inEuWest.slug() + ".example");
        inEuWest.create("/api/v1/workspace/allowlist", Map.of("value", "*.stripe.com", "kind", "PAYMENT"));
        nasOfEuWest = NasFixtures.register(inEuWest, "bras", NasFixtures.randomAddress());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void gatewayGetsEverySubscriberOfItsRegionWithTheStreamPositionToTailFrom() {
        String blocked = subscriber(
                inEuWest, "SNAP-1", Map.of("staticIpv4", "100.64.1.1", "delegatedPrefix", "2001:db8:1::/48"));
        invoice(inEuWest, blocked, "SNAP-I1", "40.00", LocalDate.now(clock));
        String active = subscriber(inEuWest, "SNAP-2");
        String elsewhere = subscriber(inUsEast, "SNAP-3");
        clock.shift(Duration.ofDays(15));
        evaluation.evaluate(inEuWest.id()).block();
        relay.relayAll().block();

        List<String> lines =
                snapshot("eu-west", InternalCredentials.gateway("eu-west", InternalCredentials.EU_WEST_GATEWAY_SECRET));

        String start = lines.getFirst();
        assertThat(JsonPath.<String>read(start, "$.type")).isEqualTo("snapshot");
        assertThat(JsonPath.<String>read(start, "$.stream")).isEqualTo(RegionStream.key("eu-west"));
        assertThat(JsonPath.<String>read(start, "$.position"))
                .isEqualTo(RegionStreams.entries(redis, "eu-west").getLast().id());
        String end = lines.getLast();
        assertThat(JsonPath.<String>read(end, "$.type")).isEqualTo("end");
        var body = lines.subList(1, lines.size() - 1);
        assertThat(body)
                .filteredOn(line -> JsonPath.<String>read(line, "$.type").equals("workspace"))
                .anySatisfy(line -> {
                    assertThat(JsonPath.<String>read(line, "$.workspace.workspaceId"))
                            .isEqualTo(inEuWest.id().toString());
                    assertThat(JsonPath.<String>read(line, "$.workspace.landingIpv4"))
                            .isEqualTo("203.0.113.10");
                    assertThat(JsonPath.<String>read(line, "$.workspace.reminderHost"))
                            .isEqualTo("pay." + inEuWest.slug() + ".example");
                    assertThat(JsonPath.<List<String>>read(line, "$.workspace.allowlist"))
                            .containsExactly("*.stripe.com");
                    assertThat(JsonPath.<Map<String, Object>>read(line, "$.workspace.radius"))
                            .containsEntry("restrictedAddressList", "reroute-restricted")
                            .containsEntry("restrictedRateLimit", "1M/1M")
                            .containsEntry("interimIntervalSeconds", 300);
                    assertThat(JsonPath.<List<String>>read(line, "$.workspace.nasClients[*].id"))
                            .containsExactly(nasOfEuWest);
                });
        var subscribers = body.stream()
                .filter(line -> JsonPath.<String>read(line, "$.type").equals("subscriber"))
                .toList();
        assertThat(JsonPath.<Integer>read(end, "$.subscribers")).isEqualTo(subscribers.size());

        String blockedLine = line(subscribers, blocked);
        assertThat(JsonPath.<String>read(blockedLine, "$.subscriber.state")).isEqualTo("BLOCKED");
        assertThat(JsonPath.<Integer>read(blockedLine, "$.subscriber.version")).isEqualTo(1);
        assertThat(JsonPath.<String>read(blockedLine, "$.subscriber.workspaceId"))
                .isEqualTo(inEuWest.id().toString());
        assertThat(JsonPath.<String>read(blockedLine, "$.subscriber.staticIpv4"))
                .isEqualTo("100.64.1.1");
        assertThat(JsonPath.<String>read(blockedLine, "$.subscriber.delegatedPrefix"))
                .isEqualTo("2001:db8:1::/48");
        assertThat(JsonPath.<String>read(blockedLine, "$.subscriber.pppoeUsername"))
                .isEqualTo("snap-1@isp");
        assertThat(JsonPath.<String>read(blockedLine, "$.subscriber.rateLimit"))
                .as("upload/download of the plan, as MikroTik writes it")
                .isEqualTo("20000k/100000k");
        assertThat(JsonPath.<Integer>read(blockedLine, "$.subscriber.profileVersion"))
                .isEqualTo(1);
        String password = JsonPath.read(blockedLine, "$.subscriber.pppoePassword");
        assertThat(password).doesNotContain("secret-SNAP-1");
        assertThat(RegionSeal.of("eu-west", InternalCredentials.EU_WEST_GATEWAY_SECRET)
                        .open(password, SealContexts.pppoePassword(inEuWest.id().value(), UUID.fromString(blocked))))
                .isEqualTo("secret-SNAP-1");
        assertThat(JsonPath.<String>read(line(subscribers, active), "$.subscriber.state"))
                .isEqualTo("ACTIVE");
        assertThat(String.join("\n", subscribers))
                .doesNotContain(elsewhere)
                .doesNotContain(inUsEast.id().toString());
    }

    @Test
    void onlyTheRegionsOwnGatewayMayReadIt() {
        var api = inEuWest.api().anonymous();
        api.get()
                .uri("/internal/regions/eu-west/snapshot")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.get()
                .uri("/internal/regions/eu-west/snapshot")
                .header(
                        HttpHeaders.AUTHORIZATION,
                        InternalCredentials.gateway("us-east", InternalCredentials.US_EAST_GATEWAY_SECRET))
                .exchange()
                .expectStatus()
                .isForbidden();
        api.get()
                .uri("/internal/regions/eu-west/snapshot")
                .header(HttpHeaders.AUTHORIZATION, InternalCredentials.gateway("eu-west", "wrong-secret"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        api.get()
                .uri("/internal/regions/eu-west/snapshot")
                .header(HttpHeaders.AUTHORIZATION, InternalCredentials.portal())
                .exchange()
                .expectStatus()
                .isForbidden();
        // A workspace's API token is no gateway credential, even with every scope.
        inEuWest.client()
                .get()
                .uri("/internal/regions/eu-west/snapshot")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private List<String> snapshot(String region, String authorization) {
        String body = inEuWest.api()
                .anonymous()
                .get()
                .uri("/internal/regions/" + region + "/snapshot")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return Arrays.stream(body.split("\n")).filter(l -> !l.isBlank()).toList();
    }

    private static String line(List<String> lines, String subscriber) {
        return lines.stream().filter(l -> l.contains(subscriber)).findFirst().orElseThrow();
    }
}
