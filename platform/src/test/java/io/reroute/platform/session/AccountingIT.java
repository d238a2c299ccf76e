package io.reroute.platform.session;

import static io.reroute.platform.support.AccountingFixtures.append;
import static io.reroute.platform.support.AccountingFixtures.enforcement;
import static io.reroute.platform.support.AccountingFixtures.nasRestarted;
import static io.reroute.platform.support.AccountingFixtures.session;
import static io.reroute.platform.support.AccountingFixtures.sessionBatch;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.reroute.platform.session.internal.AccountingConsumer;
import io.reroute.platform.support.BillingFixtures;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.NasFixtures;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.TestWorkspace;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Accounting from the gateways' streams to the sessions API: applied once however often and in
 * whatever order entries arrive, 64-bit counters, restarts of a NAS, entries a dead replica left
 * behind, and each workspace seeing only its own sessions.
 */
@PlatformIntegrationTest
class AccountingIT {

    private static final String REGION = "eu-west";
    private static final long FIVE_GIB = 5L * 1024 * 1024 * 1024;

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    @Autowired
    AccountingConsumer consumer;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);

    @Test
    void appliesUpdatesOnceWhateverTheirOrderOrRepetition() {
        var isp = workspaces.create(REGION);
        String nas = NasFixtures.register(isp, "BRAS", NasFixtures.randomAddress());
        String subscriber = BillingFixtures.subscriber(isp, "ACC-1");
        String ws = isp.id().toString();
        var started = session(ws, nas, "81a00001", subscriber, start, start, 0, 0, null);
        var interim1 = session(ws, nas, "81a00001", subscriber, start, start.plusSeconds(300), 1_000, FIVE_GIB, null);
        var interim2 =
                session(ws, nas, "81a00001", subscriber, start, start.plusSeconds(600), 2_000, FIVE_GIB + 7, null);

        append(redis, REGION, started, interim2, interim1, interim2);
        drain();
        append(redis, REGION, started, interim1);
        drain();

        String body = sessions(isp, subscriber);
        assertThat(JsonPath.<List<?>>read(body, "$.items")).hasSize(1);
        assertThat(JsonPath.<String>read(body, "$.items[0].sessionId")).isEqualTo("81a00001");
        assertThat(JsonPath.<Number>read(body, "$.items[0].inputOctets").longValue())
                .isEqualTo(2_000);
        assertThat(JsonPath.<Number>read(body, "$.items[0].outputOctets").longValue())
                .isEqualTo(FIVE_GIB + 7);
        assertThat(JsonPath.<String>read(body, "$.items[0].status")).isEqualTo("ACTIVE");
        assertThat(JsonPath.<String>read(body, "$.items[0].framedIpv4")).isEqualTo("100.64.0.10");
        assertThat(JsonPath.<String>read(body, "$.items[0].nasId")).isEqualTo(nas);
    }

    @Test
    void updatesBatchedInOneEntryApplyAsIfSentOneByOne() {
        var isp = workspaces.create(REGION);
        String nas = NasFixtures.register(isp, "BRAS", NasFixtures.randomAddress());
        String subscriber = BillingFixtures.subscriber(isp, "ACC-B");
        String ws = isp.id().toString();
        double malformed = dropped("malformed");
        double unknownNas = dropped("unknown-nas");

        append(
                redis,
                REGION,
                sessionBatch(
                        session(ws, nas, "b-1", subscriber, start, start.plusSeconds(600), 2_000, FIVE_GIB, null),
                        session(ws, nas, "b-1", subscriber, start, start, 0, 0, null),
                        session(ws, nas, "b-2", subscriber, start, start.plusSeconds(300), 5, 6, null)),
                Map.of("type", "sessions", "updates", "{\"type\":\"session\"\nnot json"));
        drain();

        assertThat(JsonPath.<List<String>>read(sessions(isp, subscriber), "$.items[*].sessionId"))
                .containsExactlyInAnyOrder("b-1", "b-2");
        assertThat(JsonPath.<List<Number>>read(
                        sessions(isp, subscriber), "$.items[?(@.sessionId == 'b-1')].inputOctets"))
                .singleElement()
                .satisfies(octets -> assertThat(octets.longValue()).isEqualTo(2_000));
        assertThat(dropped("malformed") - malformed)
                .as("the entry that does not parse")
                .isEqualTo(1);
        assertThat(dropped("unknown-nas") - unknownNas)
                .as("two updates of b-1 folded into one row are both applied")
                .isZero();
    }

    @Test
    void stopsOnceAndKeepsTheHighestCounters() {
        var isp = workspaces.create(REGION);
        String nas = NasFixtures.register(isp, "BRAS", NasFixtures.randomAddress());
        String subscriber = BillingFixtures.subscriber(isp, "ACC-2");
        String ws = isp.id().toString();
        Instant stop = start.plusSeconds(400);

        append(
                redis,
                REGION,
                session(ws, nas, "s-2", subscriber, start, stop, 50, 60, stop),
                // A late interim with lower counters, and a second Stop: neither reopens nor lowers anything.
                session(ws, nas, "s-2", subscriber, start, start.plusSeconds(300), 40, 70, null),
                session(ws, nas, "s-2", subscriber, start, start.plusSeconds(500), 10, 10, start.plusSeconds(500)));
        drain();

        String body = sessions(isp, subscriber);
        assertThat(JsonPath.<String>read(body, "$.items[0].status")).isEqualTo("STOPPED");
        assertThat(JsonPath.<String>read(body, "$.items[0].stoppedAt")).isEqualTo(stop.toString());
        assertThat(JsonPath.<String>read(body, "$.items[0].terminateCause")).isEqualTo("User-Request");
        assertThat(JsonPath.<Number>read(body, "$.items[0].inputOctets").longValue())
                .isEqualTo(50);
        assertThat(JsonPath.<Number>read(body, "$.items[0].outputOctets").longValue())
                .isEqualTo(70);
        assertThat(openSessions(isp, null)).isEmpty();
    }

    @Test
    void aRestartedNasClosesTheSessionsItLostAndAReusedSessionIdIsANewSession() {
        var isp = workspaces.create(REGION);
        String nas = NasFixtures.register(isp, "BRAS", NasFixtures.randomAddress());
        String other = NasFixtures.register(isp, "Other BRAS", NasFixtures.randomAddress());
        String subscriber = BillingFixtures.subscriber(isp, "ACC-3");
        String ws = isp.id().toString();
        Instant reboot = start.plusSeconds(300);

        append(
                redis,
                REGION,
                session(ws, nas, "0001", subscriber, start, start.plusSeconds(60), 1, 1, null),
                session(ws, other, "0001", subscriber, start, start.plusSeconds(60), 1, 1, null),
                nasRestarted(ws, nas, reboot),
                // After the restart the NAS numbers sessions from the start again.
                session(ws, nas, "0001", subscriber, reboot.plusSeconds(30), reboot.plusSeconds(30), 0, 0, null));
        drain();
        append(redis, REGION, nasRestarted(ws, nas, reboot));
        drain();

        String body = sessions(isp, subscriber);
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].status"))
                .containsExactlyInAnyOrder("ACTIVE", "ACTIVE", "STOPPED");
        assertThat(JsonPath.<List<String>>read(body, "$.items[?(@.status == 'STOPPED')].terminateCause"))
                .containsExactly("NAS-Reboot");
        assertThat(JsonPath.<List<String>>read(body, "$.items[?(@.status == 'STOPPED')].nasId"))
                .containsExactly(nas);
        assertThat(openSessions(isp, nas)).hasSize(1);
        assertThat(openSessions(isp, other)).hasSize(1);
    }

    @Test
    void aSessionNotHeardOfForThreeIntervalsIsStale() {
        var isp = workspaces.create(REGION);
        String nas = NasFixtures.register(isp, "BRAS", NasFixtures.randomAddress());
        String ws = isp.id().toString();
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.SECONDS);

        append(redis, REGION, session(ws, nas, "quiet", null, longAgo, longAgo.plusSeconds(300), 5, 5, null));
        drain();

        String body = openSessionsBody(isp, null);
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].status")).containsExactly("STALE");
        assertThat(JsonPath.<List<Object>>read(body, "$.items[*].subscriberId")).containsExactly((Object) null);
    }

    @Test
    void entriesADeadReplicaLeftUnacknowledgedAreTakenOver() {
        var isp = workspaces.create(REGION);
        String nas = NasFixtures.register(isp, "BRAS", NasFixtures.randomAddress());
        String subscriber = BillingFixtures.subscriber(isp, "ACC-4");
        drain();
        append(
                redis,
                REGION,
                session(isp.id().toString(), nas, "orphan", subscriber, start, start.plusSeconds(60), 9, 9, null));
        // Another replica reads the entry and dies before applying it.
        var delivered = redis.opsForStream()
                .read(
                        Consumer.from(AccountingStream.GROUP, "dead-replica"),
                        StreamReadOptions.empty().count(1000),
                        StreamOffset.create(AccountingStream.key(REGION), ReadOffset.lastConsumed()))
                .collectList()
                .block();
        assertThat(delivered).isNotEmpty();
        assertThat(sessions(isp, subscriber)).contains("\"items\":[]");

        assertThat(consumer.claimAbandoned(REGION, Duration.ZERO)).isEqualTo(delivered.size());

        assertThat(JsonPath.<List<String>>read(sessions(isp, subscriber), "$.items[*].sessionId"))
                .containsExactly("orphan");
        var pending = redis.opsForStream()
                .pending(AccountingStream.key(REGION), AccountingStream.GROUP)
                .block();
        assertThat(pending.getTotalPendingMessages()).isZero();
    }

    @Test
    void malformedForeignAndMisaddressedEntriesAreDroppedAndCounted() {
        var isp = workspaces.create(REGION);
        var elsewhere = workspaces.create("us-east");
        var neighbour = workspaces.create(REGION);
        String nas = NasFixtures.register(isp, "BRAS", NasFixtures.randomAddress());
        String neighbourNas = NasFixtures.register(neighbour, "BRAS", NasFixtures.randomAddress());
        String elsewhereNas = NasFixtures.register(elsewhere, "BRAS", NasFixtures.randomAddress());
        String subscriber = BillingFixtures.subscriber(isp, "ACC-5");
        String neighbourSubscriber = BillingFixtures.subscriber(neighbour, "ACC-5");
        String ws = isp.id().toString();
        double malformed = dropped("malformed");
        double foreign = dropped("foreign-workspace");
        double unknownNas = dropped("unknown-nas");

        append(
                redis,
                REGION,
                Map.of("type", "session", "workspace", ws, "nas", nas),
                Map.of("type", "bogus", "workspace", ws),
                session(ws, nas, "s", subscriber, start, start, -1, 0, null),
                session(ws, nas, "s", subscriber, start, start, 0, 0, null),
                // A gateway of this region speaking for a workspace of another region.
                session(elsewhere.id().toString(), elsewhereNas, "s", null, start, start, 0, 0, null),
                // This workspace's id with the neighbour's NAS, and the neighbour's subscriber on this NAS.
                session(ws, neighbourNas, "n", subscriber, start, start, 0, 0, null),
                session(ws, nas, "x", neighbourSubscriber, start, start, 0, 0, null));
        drain();

        assertThat(dropped("malformed") - malformed).isEqualTo(3);
        assertThat(dropped("foreign-workspace") - foreign).isEqualTo(1);
        assertThat(dropped("unknown-nas") - unknownNas).isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(sessions(isp, subscriber), "$.items[*].sessionId"))
                .containsExactly("s");
        // The session naming the neighbour's subscriber is kept, bound to nobody.
        assertThat(JsonPath.<List<String>>read(openSessionsBody(isp, null), "$.items[*].sessionId"))
                .containsExactlyInAnyOrder("s", "x");
        assertThat(JsonPath.<List<Object>>read(sessions(neighbour, neighbourSubscriber), "$.items"))
                .isEmpty();
        assertThat(openSessions(elsewhere, null)).isEmpty();
    }

    @Test
    void workspacesWithTheSameAddressesAndSessionIdsSeeOnlyTheirOwnSessions() {
        var a = workspaces.create(REGION);
        var b = workspaces.create(REGION);
        String nasA = NasFixtures.register(a, "BRAS", NasFixtures.randomAddress());
        String nasB = NasFixtures.register(b, "BRAS", NasFixtures.randomAddress());
        String subA = BillingFixtures.subscriber(a, "SAME-1");
        String subB = BillingFixtures.subscriber(b, "SAME-1");

        append(
                redis,
                REGION,
                session(a.id().toString(), nasA, "81a00001", subA, start, start.plusSeconds(60), 111, 111, null),
                session(b.id().toString(), nasB, "81a00001", subB, start, start.plusSeconds(60), 222, 222, null));
        drain();

        assertThat(JsonPath.<List<Number>>read(sessions(a, subA), "$.items[*].inputOctets"))
                .containsExactly(111);
        assertThat(JsonPath.<List<Number>>read(openSessionsBody(b, null), "$.items[*].inputOctets"))
                .containsExactly(222);
        a.client()
                .get()
                .uri("/api/v1/subscribers/{id}/sessions", subB)
                .exchange()
                .expectStatus()
                .isNotFound();
        a.client()
                .get()
                .uri("/api/v1/sessions?nasId={nas}", nasB)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void enforcementStepsAreStoredOnceAndShownNewestFirst() {
        var isp = workspaces.create(REGION);
        var neighbour = workspaces.create(REGION);
        String nas = NasFixtures.register(isp, "BRAS", NasFixtures.randomAddress());
        String subscriber = BillingFixtures.subscriber(isp, "ENF-1");
        String neighbourSubscriber = BillingFixtures.subscriber(neighbour, "ENF-1");
        String ws = isp.id().toString();
        var nak = enforcement(ws, subscriber, nas, "s-1", "COA", "NAK", "404", start);
        var disconnected = enforcement(ws, subscriber, nas, "s-1", "DISCONNECT", "ACK", null, start.plusSeconds(1));
        double unknown = dropped("unknown-subscriber");

        append(
                redis,
                REGION,
                nak,
                disconnected,
                nak,
                // The neighbour's subscriber under this workspace's id: not this workspace's to record.
                enforcement(ws, neighbourSubscriber, nas, "s-9", "COA", "ACK", null, start));
        drain();

        String body = isp.client()
                .get()
                .uri("/api/v1/subscribers/{id}/enforcement", subscriber)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].action")).containsExactly("DISCONNECT", "COA");
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].outcome")).containsExactly("ACK", "NAK");
        assertThat(JsonPath.<Integer>read(body, "$.items[1].errorCause")).isEqualTo(404);
        assertThat(JsonPath.<String>read(body, "$.items[0].change")).isEqualTo("RESTRICT");
        assertThat(JsonPath.<String>read(body, "$.items[0].region")).isEqualTo(REGION);
        assertThat(JsonPath.<String>read(body, "$.items[0].nasId")).isEqualTo(nas);
        assertThat(dropped("unknown-subscriber") - unknown).isEqualTo(1);
        neighbour
                .client()
                .get()
                .uri("/api/v1/subscribers/{id}/enforcement", neighbourSubscriber)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);
        neighbour
                .client()
                .get()
                .uri("/api/v1/subscribers/{id}/enforcement", subscriber)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void sessionsNeedTheirScopes() {
        var isp = workspaces.create(REGION);
        String subscriber = BillingFixtures.subscriber(isp, "ACC-6");
        isp.api()
                .withToken(isp.token(io.reroute.platform.security.ApiScope.SUBSCRIBERS_READ))
                .get()
                .uri("/api/v1/sessions")
                .exchange()
                .expectStatus()
                .isForbidden();
        isp.api()
                .withToken(isp.token(io.reroute.platform.security.ApiScope.NETWORK_READ))
                .get()
                .uri("/api/v1/subscribers/{id}/sessions", subscriber)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private void drain() {
        while (consumer.consume(REGION, null) > 0) {
            // until the group has nothing more for this replica
        }
    }

    private double dropped(String reason) {
        var counter = meters.find("reroute.accounting.dropped")
                .tags("region", REGION, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String sessions(TestWorkspace w, String subscriber) {
        return w.client()
                .get()
                .uri("/api/v1/subscribers/{id}/sessions", subscriber)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static String openSessionsBody(TestWorkspace w, String nas) {
        return w.client()
                .get()
                .uri(nas == null ? "/api/v1/sessions" : "/api/v1/sessions?nasId=" + nas)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static List<Object> openSessions(TestWorkspace w, String nas) {
        return JsonPath.read(openSessionsBody(w, nas), "$.items");
    }
}
