package io.reroute.platform.usage;

import static io.reroute.platform.support.AccountingFixtures.append;
import static io.reroute.platform.support.AccountingFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.reroute.platform.enforcement.internal.OutboxRelay;
import io.reroute.platform.notification.internal.NotificationDispatcher;
import io.reroute.platform.session.internal.AccountingConsumer;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.MutableClock;
import io.reroute.platform.support.NasFixtures;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.RegionStreams;
import io.reroute.platform.support.TestMailServer;
import io.reroute.platform.support.TestWorkspace;
import io.reroute.platform.usage.internal.CycleScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;

/**
 * Data caps end to end inside the platform: usage from the region's accounting stream, counted once
 * however it arrives, alerts, the cap as a state change on the region's stream, top-ups and new
 * cycles restoring, rollover, the simulator, bad input, and workspaces kept apart.
 */
@PlatformIntegrationTest
class DataCapsIT {

    private static final long GB = 1_000_000_000L;
    private static final long FOUR_GIB = 4L * 1024 * 1024 * 1024;

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    @Autowired
    AccountingConsumer consumer;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    OutboxRelay relay;

    @Autowired
    CycleScheduler cycles;

    @Autowired
    MutableClock clock;

    @Autowired
    NotificationDispatcher dispatcher;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A workspace of its own region (so its stream holds only its events), with a NAS. */
    private record Isp(TestWorkspace w, String region, String nas) {

        String ws() {
            return w.id().toString();
        }
    }

    private Isp isp() {
        String region = "cap-" + UUID.randomUUID().toString().substring(0, 8);
        var w = workspaces.create(region);
        return new Isp(w, region, NasFixtures.register(w, "BRAS", NasFixtures.randomAddress()));
    }

    private static Map<String, Object> cap(long allowance, Map<String, Object> more) {
        var cap = new HashMap<String, Object>(Map.of(
                "allowanceBytes", allowance, "cycleAnchor", "DAY_OF_MONTH", "cycleDay", 1, "capAction", "REDIRECT"));
        cap.putAll(more);
        return cap;
    }

    private static String plan(TestWorkspace w, String name, Map<String, Object> dataCap) {
        return w.create("/api/v1/plans", planBody(name, dataCap));
    }

    private static String subscriber(TestWorkspace w, String plan, String account) {
        return w.create(
                "/api/v1/subscribers",
                Map.of(
                        "accountNumber", account,
                        "name", "Subscriber " + account,
                        "planId", plan,
                        "email", account.toLowerCase() + "@subscriber.example",
                        "pppoeUsername", account.toLowerCase() + "@isp",
                        "pppoePassword", "secret-" + account));
    }

    private static String product(TestWorkspace w, String name, long bytes, Integer validityDays) {
        var body =
                new HashMap<String, Object>(Map.of("name", name, "bytes", bytes, "price", "10.00", "currency", "EUR"));
        if (validityDays != null) {
            body.put("validityDays", validityDays);
        }
        return w.create("/api/v1/top-up-products", body);
    }

    /** An interim update (or start) of session {@code id} with these totals, as of the clock's now. */
    private Map<String, String> update(Isp isp, String subscriber, String id, Instant start, long in, long out) {
        return session(isp.ws(), isp.nas(), id, subscriber, start, clock.instant(), in, out, null);
    }

    private void drain(Isp isp) {
        while (consumer.consume(isp.region(), null) > 0) {
            // until the group has nothing more for this replica
        }
    }

    private static String usage(TestWorkspace w, String subscriber) {
        return w.get("/api/v1/subscribers/" + subscriber + "/usage");
    }

    private static long number(String json, String path) {
        return JsonPath.<Number>read(json, path).longValue();
    }

    private static String state(TestWorkspace w, String subscriber) {
        return JsonPath.read(w.get("/api/v1/subscribers/" + subscriber), "$.state");
    }

    /** The region's subscriber events of this subscriber since the last call, relayed now. */
    private List<Map<String, String>> events(Isp isp, String subscriber, String type) {
        relay.relay(isp.w().id()).block();
        return RegionStreams.entries(redis, isp.region()).stream()
                .map(RegionStreams.Entry::fields)
                .filter(f -> subscriber.equals(f.get("subscriber")) && type.equals(f.get("type")))
                .toList();
    }

    @Test
    void theCapGoesOutAsAStateChangeAndATopUpRestoresAtOnce() {
        var isp = isp();
        String plan = plan(isp.w(), "Capped 10", cap(10 * GB, Map.of()));
        String subscriber = subscriber(isp.w(), plan, "CAP-1");
        Instant start = clock.instant().minusSeconds(60);

        append(redis, isp.region(), update(isp, subscriber, "s-1", start, GB, 4 * GB));
        drain(isp);
        String halfway = usage(isp.w(), subscriber);
        assertThat(number(halfway, "$.usedBytes")).isEqualTo(5 * GB);
        assertThat(number(halfway, "$.remainingBytes")).isEqualTo(5 * GB);
        assertThat(number(halfway, "$.percentUsed")).isEqualTo(50);
        LocalDate nextMonth = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .withDayOfMonth(1)
                .plusMonths(1);
        assertThat(JsonPath.<String>read(halfway, "$.resetsAt"))
                .isEqualTo(nextMonth.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        assertThat(events(isp, subscriber, "subscriber.quota")).last().satisfies(e -> assertThat(
                        number(e.get("event"), "$.dataRemaining"))
                .isEqualTo(5 * GB));

        append(redis, isp.region(), update(isp, subscriber, "s-1", start, GB, 7_500_000_000L));
        drain(isp);
        assertThat(JsonPath.<List<Integer>>read(usage(isp.w(), subscriber), "$.alerted"))
                .containsExactly(80);
        assertThat(state(isp.w(), subscriber)).isEqualTo("ACTIVE");
        dispatcher.dispatchDue().block();
        assertThat(TestMailServer.receivedBy("cap-1@subscriber.example"))
                .singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).contains("85%"));

        append(redis, isp.region(), update(isp, subscriber, "s-1", start, GB, 9_200_000_000L));
        drain(isp);
        String capped = usage(isp.w(), subscriber);
        assertThat(state(isp.w(), subscriber)).isEqualTo("CAPPED");
        assertThat(number(capped, "$.remainingBytes")).isZero();
        assertThat(number(capped, "$.percentUsed")).isEqualTo(100);
        assertThat(number(capped, "$.usedBytes")).as("counted past the cap").isEqualTo(10_200_000_000L);
        assertThat(JsonPath.<List<Integer>>read(capped, "$.alerted")).containsExactly(80, 100);
        var cap = events(isp, subscriber, "subscriber.state-changed");
        assertThat(cap).hasSize(1);
        assertThat(JsonPath.<String>read(cap.getFirst().get("event"), "$.subscriber.state"))
                .isEqualTo("CAPPED");
        assertThat(JsonPath.<String>read(cap.getFirst().get("event"), "$.subscriber.capAction"))
                .isEqualTo("REDIRECT");

        String fiveGb = product(isp.w(), "5 GB", 5 * GB, 30);
        String grant = isp.w()
                .create(
                        "/api/v1/subscribers/" + subscriber + "/top-ups",
                        Map.of("productId", fiveGb, "reference", "cash at the counter"));
        assertThat(state(isp.w(), subscriber)).isEqualTo("ACTIVE");
        String topped = usage(isp.w(), subscriber);
        assertThat(number(topped, "$.remainingBytes"))
                .as("the 0.2 GB over the cap was taken from nothing; the top-up is whole")
                .isEqualTo(5 * GB);
        assertThat(JsonPath.<String>read(topped, "$.grants[0].id")).isEqualTo(grant);
        assertThat(JsonPath.<String>read(topped, "$.grants[0].kind")).isEqualTo("TOP_UP");
        var restored = events(isp, subscriber, "subscriber.state-changed");
        assertThat(restored).hasSize(2);
        assertThat(JsonPath.<String>read(restored.getLast().get("event"), "$.subscriber.state"))
                .isEqualTo("ACTIVE");
        assertThat(JsonPath.<String>read(
                        isp.w().get("/api/v1/subscribers/" + subscriber + "/top-ups"), "$.items[0].reference"))
                .isEqualTo("cash at the counter");

        append(redis, isp.region(), update(isp, subscriber, "s-1", start, GB, 10_200_000_000L));
        drain(isp);
        assertThat(number(usage(isp.w(), subscriber), "$.grants[0].consumedBytes"))
                .isEqualTo(GB);
    }

    /**
     * Most credits are added to the cycle's counters alone (below its quiet watermark); the ledger
     * still alerts once, tells gateways at every 5 % step and caps, exactly as if it had seen each.
     */
    @Test
    void smallInterimUpdatesAddUpExactlyAndStillAlertTellGatewaysAndCap() {
        var isp = isp();
        String plan = plan(isp.w(), "Capped 10 in steps", cap(10 * GB, Map.of()));
        String subscriber = subscriber(isp.w(), plan, "CAP-STEP");
        Instant start = clock.instant().minusSeconds(60);
        long step = 100_000_000L;

        var told = new ArrayList<Long>();
        for (int i = 1; i <= 101; i++) {
            append(redis, isp.region(), update(isp, subscriber, "s-1", start, 0, step * i));
            drain(isp);
            String now = usage(isp.w(), subscriber);
            assertThat(number(now, "$.usedBytes")).isEqualTo(step * i);
            if (i == 79) {
                assertThat(JsonPath.<List<Integer>>read(now, "$.alerted")).isEmpty();
            }
            if (i == 80) {
                assertThat(JsonPath.<List<Integer>>read(now, "$.alerted")).containsExactly(80);
            }
            if (i == 99) {
                assertThat(state(isp.w(), subscriber)).isEqualTo("ACTIVE");
            }
        }
        events(isp, subscriber, "subscriber.quota").forEach(e -> told.add(number(e.get("event"), "$.dataRemaining")));

        assertThat(state(isp.w(), subscriber)).isEqualTo("CAPPED");
        assertThat(JsonPath.<List<Integer>>read(usage(isp.w(), subscriber), "$.alerted"))
                .containsExactly(80, 100);
        dispatcher.dispatchDue().block();
        assertThat(TestMailServer.receivedBy("cap-step@subscriber.example")).hasSize(2);
        // Told at the first usage, then each time the data left dropped by 5 % of 10 GB, then at zero.
        assertThat(told.getFirst()).isEqualTo(10 * GB - step);
        assertThat(told.getLast()).isZero();
        for (int i = 1; i < told.size() - 1; i++) {
            assertThat(told.get(i - 1) - told.get(i)).isEqualTo(GB / 2);
        }
        assertThat(told).hasSize(21);
    }

    @Test
    void replayingTheSameAccountingTwiceCountsNothingTwiceEvenPast4GiBAndAcrossARestart() {
        var isp = isp();
        String plan = plan(isp.w(), "Capped 100", cap(100 * GB, Map.of()));
        String subscriber = subscriber(isp.w(), plan, "CAP-2");
        Instant first = clock.instant().minusSeconds(3600);
        Instant second = clock.instant().minusSeconds(600);
        var stream = List.of(
                update(isp, subscriber, "a-1", first, 0, 0),
                update(isp, subscriber, "a-1", first, 1_000, FOUR_GIB + 5),
                update(isp, subscriber, "a-1", first, 500, FOUR_GIB), // late: older totals
                update(isp, subscriber, "a-1", first, 3_000, 2 * FOUR_GIB + 11),
                update(isp, subscriber, "a-1", first, 1_000, FOUR_GIB + 5), // twice
                // The NAS restarted and reused the session id: a new session, its counters from zero.
                update(isp, subscriber, "a-1", second, 10, 20),
                update(isp, subscriber, "b-1", second, 7, 8));
        long expected = 3_000 + 2 * FOUR_GIB + 11 + 10 + 20 + 7 + 8;

        stream.forEach(entry -> append(redis, isp.region(), entry));
        drain(isp);
        String once = usage(isp.w(), subscriber);
        stream.forEach(entry -> append(redis, isp.region(), entry));
        drain(isp);
        String twice = usage(isp.w(), subscriber);

        assertThat(number(once, "$.usedBytes")).isEqualTo(expected);
        assertThat(number(twice, "$.usedBytes")).isEqualTo(expected);
        assertThat(number(twice, "$.remainingBytes")).isEqualTo(100 * GB - expected);
    }

    @Test
    void aNewCycleLiftsTheCapCarriesTheRolloverAndTheRolloverExpires() {
        var isp = isp();
        String plan =
                plan(isp.w(), "Rollover 10", cap(10 * GB, Map.of("rollover", Map.of("maxBytes", 3 * GB, "cycles", 1))));
        String capped = subscriber(isp.w(), plan, "CAP-3");
        String light = subscriber(isp.w(), plan, "CAP-4");
        Instant start = clock.instant().minusSeconds(60);
        append(
                redis,
                isp.region(),
                update(isp, capped, "c-1", start, 0, 11 * GB),
                update(isp, light, "l-1", start, 0, 6 * GB));
        drain(isp);
        assertThat(state(isp.w(), capped)).isEqualTo("CAPPED");

        Instant nextCycle = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .withDayOfMonth(1)
                .plusMonths(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        clock.shift(Duration.between(clock.instant(), nextCycle).plusHours(1));
        assertThat(cycles.advanceAll().block()).isGreaterThanOrEqualTo(2);

        assertThat(state(isp.w(), capped)).isEqualTo("ACTIVE");
        String lightNow = usage(isp.w(), light);
        assertThat(JsonPath.<String>read(lightNow, "$.cycleStart")).isEqualTo(nextCycle.toString());
        assertThat(number(lightNow, "$.usedBytes")).isZero();
        assertThat(number(lightNow, "$.remainingBytes"))
                .as("4 GB unused, 3 GB carried")
                .isEqualTo(13 * GB);
        assertThat(JsonPath.<String>read(lightNow, "$.grants[0].kind")).isEqualTo("ROLLOVER");
        assertThat(number(usage(isp.w(), capped), "$.remainingBytes"))
                .as("nothing unused to carry")
                .isEqualTo(10 * GB);
        assertThat(cycles.advanceAll().block()).as("each cycle opens once").isZero();

        // The rollover is used before nothing else but the plan: 11 GB takes the plan and 1 GB of it.
        append(redis, isp.region(), update(isp, light, "l-2", clock.instant().minusSeconds(60), 0, 11 * GB));
        drain(isp);
        assertThat(number(usage(isp.w(), light), "$.grants[0].consumedBytes")).isEqualTo(GB);

        clock.shift(Duration.ofDays(32));
        assertThat(number(usage(isp.w(), light), "$.remainingBytes"))
                .as("the rollover's 2 GB left expired with its cycle; nothing of the plan was unused")
                .isEqualTo(10 * GB);
    }

    @Test
    void aThrottlingPlanKeepsTheSubscriberOnlineAtTheThrottleSpeed() {
        var isp = isp();
        String plan = plan(
                isp.w(),
                "Fair use",
                cap(GB, Map.of("capAction", "THROTTLE", "throttle", Map.of("downloadKbps", 1024, "uploadKbps", 512))));
        String subscriber = subscriber(isp.w(), plan, "CAP-5");
        events(isp, subscriber, "subscriber.state-changed");

        append(
                redis,
                isp.region(),
                update(isp, subscriber, "t-1", clock.instant().minusSeconds(60), 0, 2 * GB));
        drain(isp);

        assertThat(state(isp.w(), subscriber)).isEqualTo("CAPPED");
        var change =
                events(isp, subscriber, "subscriber.state-changed").getLast().get("event");
        assertThat(JsonPath.<String>read(change, "$.subscriber.capAction")).isEqualTo("THROTTLE");
        assertThat(JsonPath.<String>read(change, "$.subscriber.rateLimit")).isEqualTo("512k/1024k");
        assertThat(JsonPath.<Integer>read(isp.w().get("/api/v1/plans/" + plan), "$.dataCap.throttle.downloadKbps"))
                .isEqualTo(1024);
    }

    @Test
    void theSimulatorSaysWhatWouldHappenAndChangesNothing() {
        var isp = isp();
        String plan = plan(isp.w(), "Capped 10", cap(10 * GB, Map.of()));
        String subscriber = subscriber(isp.w(), plan, "CAP-6");
        append(
                redis,
                isp.region(),
                update(isp, subscriber, "m-1", clock.instant().minusSeconds(60), 0, 7 * GB));
        drain(isp);

        String simulation = simulate(isp.w(), subscriber, 4 * GB)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(JsonPath.<List<Integer>>read(simulation, "$.alerts")).containsExactly(80, 100);
        assertThat(JsonPath.<String>read(simulation, "$.stateNow")).isEqualTo("ACTIVE");
        assertThat(JsonPath.<String>read(simulation, "$.stateAfter")).isEqualTo("CAPPED");
        assertThat(number(simulation, "$.capAfterBytes")).isEqualTo(3 * GB);
        assertThat(number(simulation, "$.remainingAfter")).isZero();
        assertThat(JsonPath.<String>read(simulation, "$.restoredAt")).isNotNull();
        String small = simulate(isp.w(), subscriber, GB)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(JsonPath.<List<Integer>>read(small, "$.alerts")).containsExactly(80);
        assertThat(JsonPath.<String>read(small, "$.stateAfter")).isEqualTo("ACTIVE");

        String after = usage(isp.w(), subscriber);
        assertThat(number(after, "$.usedBytes")).isEqualTo(7 * GB);
        assertThat(JsonPath.<List<Integer>>read(after, "$.alerted")).isEmpty();
        assertThat(state(isp.w(), subscriber)).isEqualTo("ACTIVE");

        simulate(isp.w(), subscriber, -1)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("bytes");
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec simulate(
            TestWorkspace w, String subscriber, long bytes) {
        return w.client()
                .post()
                .uri("/api/v1/subscribers/{id}/simulate-usage", subscriber)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("bytes", bytes))
                .exchange();
    }

    @Test
    void badCapsAndProductsAreRefusedWithTheFieldNamed() {
        var isp = isp();
        refused(isp.w(), "/api/v1/plans", planBody("Refused", cap(-5, Map.of())), "dataCap.allowanceBytes");
        refused(
                isp.w(),
                "/api/v1/plans",
                planBody("Refused", cap(GB, Map.of("cycleAnchor", "SIGNUP"))),
                "dataCap.cycleDay");
        refused(isp.w(), "/api/v1/plans", planBody("Refused", cap(GB, Map.of("cycleDay", 32))), "dataCap.cycleDay");
        refused(
                isp.w(),
                "/api/v1/plans",
                planBody("Refused", cap(GB, Map.of("capAction", "THROTTLE"))),
                "dataCap.throttle");
        refused(
                isp.w(),
                "/api/v1/plans",
                planBody("Refused", cap(GB, Map.of("alertThresholds", List.of(80, 120)))),
                "dataCap.alertThresholds[1]");
        refused(
                isp.w(),
                "/api/v1/top-up-products",
                Map.of("name", "Minus", "bytes", -1, "price", "1.00", "currency", "EUR"),
                "bytes");
        refused(
                isp.w(),
                "/api/v1/top-up-products",
                Map.of("name", "Dollars", "bytes", GB, "price", "1.00", "currency", "USD"),
                "currency");

        // Anchored on the 31st: February's cycle starts on its last day (see CycleCalendarTest).
        String day31 = isp.w().create("/api/v1/plans", planBody("Day 31", cap(GB, Map.of("cycleDay", 31))));
        assertThat(JsonPath.<Integer>read(isp.w().get("/api/v1/plans/" + day31), "$.dataCap.cycleDay"))
                .isEqualTo(31);

        String unlimited = isp.w().create("/api/v1/plans", planBody("Unlimited", null));
        String subscriber = subscriber(isp.w(), unlimited, "UNL-1");
        String product = product(isp.w(), "1 GB", GB, null);
        isp.w()
                .client()
                .post()
                .uri("/api/v1/subscribers/{id}/top-ups", subscriber)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", product))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        assertThat(JsonPath.<Object>read(usage(isp.w(), subscriber), "$.remainingBytes"))
                .as("unlimited")
                .isNull();
    }

    /** A plan named {@code name} with {@code dataCap} (null: unlimited data). */
    private static Map<String, Object> planBody(String name, Map<String, Object> dataCap) {
        var body = new HashMap<String, Object>(Map.of(
                "name",
                name,
                "price",
                "25.00",
                "currency",
                "EUR",
                "billingCycle",
                "MONTHLY",
                "downloadKbps",
                50_000,
                "uploadKbps",
                10_000));
        if (dataCap != null) {
            body.put("dataCap", dataCap);
        }
        return body;
    }

    private static void refused(TestWorkspace w, String uri, Object body, String field) {
        w.client()
                .post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == '" + field + "')]")
                .exists();
    }

    @Test
    void anotherWorkspaceSeesNoneOfItAndCannotUseItsProducts() {
        var a = isp();
        var b = isp();
        String plan = plan(a.w(), "Capped A", cap(10 * GB, Map.of()));
        String subscriber = subscriber(a.w(), plan, "CAP-A");
        String productA = product(a.w(), "5 GB A", 5 * GB, null);
        String planB = plan(b.w(), "Capped B", cap(10 * GB, Map.of()));
        String subscriberB = subscriber(b.w(), planB, "CAP-B");

        for (String uri : List.of(
                "/api/v1/subscribers/" + subscriber + "/usage",
                "/api/v1/subscribers/" + subscriber + "/top-ups",
                "/api/v1/top-up-products/" + productA)) {
            b.w().client().get().uri(uri).exchange().expectStatus().isNotFound();
        }
        assertThat(JsonPath.<List<?>>read(b.w().get("/api/v1/top-up-products"), "$.items"))
                .isEmpty();
        simulate(b.w(), subscriber, GB).expectStatus().isNotFound();
        b.w().client()
                .post()
                .uri("/api/v1/subscribers/{id}/top-ups", subscriber)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", productA))
                .exchange()
                .expectStatus()
                .isNotFound();
        b.w().client()
                .post()
                .uri("/api/v1/subscribers/{id}/top-ups", subscriberB)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("productId", productA))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("productId");
        b.w().client()
                .patch()
                .uri("/api/v1/top-up-products/{id}", productA)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("active", false))
                .exchange()
                .expectStatus()
                .isNotFound();

        // Accounting of B's gateway naming A's subscriber counts nothing for either.
        append(
                redis,
                b.region(),
                session(
                        b.ws(),
                        b.nas(),
                        "x-1",
                        subscriber,
                        clock.instant().minusSeconds(60),
                        clock.instant(),
                        0,
                        GB,
                        null));
        drain(b);
        assertThat(number(usage(a.w(), subscriber), "$.usedBytes")).isZero();
        assertThat(number(usage(b.w(), subscriberB), "$.usedBytes")).isZero();
    }
}
