package io.reroute.gateway.radius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reroute.gateway.radius.internal.RadiusServer;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.state.SubscriberChanged;
import io.reroute.gateway.support.Snapshots;
import io.reroute.gateway.support.Snapshots.Nas;
import io.reroute.gateway.support.TestCoaListener;
import io.reroute.gateway.support.TestCoaListener.Answer;
import io.reroute.gateway.support.TestNas;
import io.reroute.gateway.support.TestRegion;
import io.reroute.gateway.support.TestRouterOs;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A state change reaches the subscriber's open sessions at once, in the fallback order: CoA first,
 * Disconnect when the NAS refuses or stays silent, the RouterOS API of the router that is the NAS
 * as the last resort; a NAK with
 * Error-Cause 503 ends the session. Test NAS clients answer on their own loopback addresses, and
 * every step shows up on the accounting stream for the platform.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveEnforcementIT {

    private static final String REGION = "coa-test";
    private static final UUID ISP = UUID.randomUUID();
    private static final String SECRET = "nas-secret-coa-test";
    private static final Map<String, UUID> SUBSCRIBERS = Map.of(
            "127.0.0.5", UUID.randomUUID(),
            "127.0.0.6", UUID.randomUUID(),
            "127.0.0.7", UUID.randomUUID(),
            "127.0.0.8", UUID.randomUUID(),
            "127.0.0.9", UUID.randomUUID(),
            "127.0.0.10", UUID.randomUUID());
    private static final Map<String, TestCoaListener> NAS = new java.util.HashMap<>();

    /** The router that is the NAS at 127.0.0.7, for the RouterOS API step. */
    private static final String ROUTER_NAS = "127.0.0.7";

    private static final String ADDRESS_LIST = "/ip/firewall/address-list";

    static final TestRegion region = TestRegion.start(REGION);
    static final TestRouterOs router;

    static {
        var seal = region.seal();
        var lines = new java.util.ArrayList<String>();
        var nasClients = new java.util.ArrayList<Nas>();
        var routers = new java.util.ArrayList<Snapshots.Router>();
        try {
            router = TestRouterOs.start("reroute", "router-pw");
            for (String address : SUBSCRIBERS.keySet()) {
                var listener = new TestCoaListener(address, SECRET);
                NAS.put(address, listener);
                var nas = Nas.mikrotik(address, SECRET, listener.port());
                nasClients.add(nas);
                if (address.equals(ROUTER_NAS)) {
                    routers.add(Snapshots.Router.access(router.port(), "router-pw", nas.id()));
                }
                lines.add(Snapshots.pppoeSubscriberLine(
                        seal, ISP, SUBSCRIBERS.get(address), user(address), "pw", "ACTIVE", null, "10M/50M"));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        lines.addFirst(Snapshots.routerWorkspace(ISP, seal, null, null, List.of(), "unpaid", nasClients, routers));
        region.platform().serve(Snapshots.snapshot(REGION, lines.toArray(String[]::new)));
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        region.wireRadius(registry);
        registry.add("reroute.gateway.radius.coa-timeout", () -> "300ms");
        registry.add("reroute.gateway.radius.coa-attempts", () -> "2");
    }

    @Autowired
    RadiusServer server;

    @Autowired
    RegionState state;

    @Autowired
    RadiusSessions sessions;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    Changes changes;

    /** Every {@link SubscriberChanged} the sync published, as {@link LiveEnforcement} hears them. */
    @TestConfiguration
    static class Changes {
        final List<SubscriberChanged> published = new CopyOnWriteArrayList<>();

        @EventListener
        void on(SubscriberChanged change) {
            published.add(change);
        }

        List<SubscriberChanged> of(UUID subscriber) {
            return published.stream()
                    .filter(c -> c.current().subscriberId().equals(subscriber))
                    .toList();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (var listener : NAS.values()) {
            listener.close();
        }
        router.close();
        region.close();
    }

    @BeforeEach
    void stateLoaded() {
        await().atMost(Duration.ofSeconds(20)).until(state::loaded);
        NAS.values().forEach(TestCoaListener::drain);
    }

    @Test
    void aBlockIsACoaIntoTheExpiredProfileAndARestoreADisconnect() throws Exception {
        String nas = "127.0.0.5";
        UUID subscriber = SUBSCRIBERS.get(nas);
        String session = start(nas, "100.64.1.5");
        var listener = NAS.get(nas);
        listener.answer(Answer.ACK, Answer.ACK);

        Snapshots.publish(redis, REGION, ISP, subscriber, null, 2, "BLOCKED");

        var coa = listener.next(5);
        assertThat(coa).as("a CoA-Request").isNotNull();
        assertThat(coa.code()).isEqualTo(TestCoaListener.COA_REQUEST);
        assertThat(coa.messageAuthenticator()).isTrue();
        assertThat(coa.attributes())
                .containsEntry("1", user(nas))
                .containsEntry("44", session)
                .containsEntry("14988:19", "unpaid")
                .containsEntry("14988:8", "256k/256k");
        assertThat(listener.next(1)).as("nothing after the ACK").isNull();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(steps(subscriber)).containsExactly("RESTRICT COA ACK"));

        Snapshots.publish(redis, REGION, ISP, subscriber, null, 3, "ACTIVE");

        var disconnect = listener.next(5);
        assertThat(disconnect.code()).isEqualTo(TestCoaListener.DISCONNECT_REQUEST);
        assertThat(disconnect.attributes()).containsEntry("44", session).doesNotContainKey("14988:19");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(steps(subscriber))
                .containsExactly("RESTRICT COA ACK", "RESTORE DISCONNECT ACK"));
    }

    @Test
    void aRefusedCoaFallsBackToDisconnect() throws Exception {
        String nas = "127.0.0.6";
        UUID subscriber = SUBSCRIBERS.get(nas);
        start(nas, "100.64.1.6");
        NAS.get(nas).answer(Answer.nak(404), Answer.ACK);

        Snapshots.publish(redis, REGION, ISP, subscriber, null, 2, "BLOCKED");

        assertThat(NAS.get(nas).next(5).code()).isEqualTo(TestCoaListener.COA_REQUEST);
        assertThat(NAS.get(nas).next(5).code()).isEqualTo(TestCoaListener.DISCONNECT_REQUEST);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(steps(subscriber))
                .containsExactly("RESTRICT COA NAK", "RESTRICT DISCONNECT ACK"));
        assertThat(region.accountingStream(redis)).anySatisfy(e -> assertThat(e)
                .containsEntry("subscriber", subscriber.toString())
                .containsEntry("outcome", "NAK")
                .containsEntry("errorCause", "404")
                .containsEntry("version", "2"));
    }

    @Test
    void aSilentNasGetsRetriesThenDisconnectThenTheRouterApi() throws Exception {
        String nas = ROUTER_NAS;
        UUID subscriber = SUBSCRIBERS.get(nas);
        start(nas, "100.64.1.7");
        router.seed("/ppp/active", Map.of("name", user(nas), "address", "100.64.1.7"));
        NAS.get(nas).answer(Answer.SILENT, Answer.SILENT);

        Snapshots.publish(redis, REGION, ISP, subscriber, null, 2, "BLOCKED");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(steps(subscriber))
                .containsExactly("RESTRICT COA TIMEOUT", "RESTRICT DISCONNECT TIMEOUT", "RESTRICT ROUTER_API ACK"));
        assertThat(router.items(ADDRESS_LIST))
                .as("the session's address put in the restricted list, tagged as the subscriber's")
                .singleElement()
                .satisfies(entry -> assertThat(entry)
                        .containsEntry("list", "unpaid")
                        .containsEntry("address", "100.64.1.7")
                        .containsEntry("comment", "reroute:sub:" + subscriber));
        var requests = NAS.get(nas).drain();
        assertThat(requests)
                .extracting(TestCoaListener.Received::code)
                .as("each request sent twice (coa-attempts)")
                .containsExactly(
                        TestCoaListener.COA_REQUEST,
                        TestCoaListener.COA_REQUEST,
                        TestCoaListener.DISCONNECT_REQUEST,
                        TestCoaListener.DISCONNECT_REQUEST);
        assertThat(region.accountingStream(redis))
                .filteredOn(e -> subscriber.toString().equals(e.get("subscriber")) && "COA".equals(e.get("action")))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("attempts", "2"));

        NAS.get(nas).answer(Answer.SILENT, Answer.SILENT);
        Snapshots.publish(redis, REGION, ISP, subscriber, null, 3, "ACTIVE");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(steps(subscriber))
                .endsWith("RESTORE DISCONNECT TIMEOUT", "RESTORE ROUTER_API ACK"));
        assertThat(router.items(ADDRESS_LIST)).as("our entry removed").isEmpty();
        assertThat(router.items("/ppp/active"))
                .as("the session ended, to log in again with its plan")
                .isEmpty();
    }

    @Test
    void withoutARouterForTheNasTheLastResortIsUnavailable() throws Exception {
        String nas = "127.0.0.9";
        UUID subscriber = SUBSCRIBERS.get(nas);
        start(nas, "100.64.1.9");
        NAS.get(nas).answer(Answer.SILENT, Answer.SILENT);

        Snapshots.publish(redis, REGION, ISP, subscriber, null, 2, "BLOCKED");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(steps(subscriber)).endsWith("RESTRICT ROUTER_API UNAVAILABLE"));
    }

    @Test
    void aNakForAnUnknownSessionEndsIt() throws Exception {
        String nas = "127.0.0.8";
        UUID subscriber = SUBSCRIBERS.get(nas);
        String session = start(nas, "100.64.1.8");
        NAS.get(nas).answer(Answer.nak(503), Answer.ACK);

        Snapshots.publish(redis, REGION, ISP, subscriber, null, 2, "BLOCKED");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(steps(subscriber)).containsExactly("RESTRICT COA SESSION_GONE"));
        assertThat(sessions.open(ISP, subscriber)).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(region.accountingStream(redis)).anySatisfy(e -> assertThat(e)
                        .containsEntry("type", "session")
                        .containsEntry("session", session)
                        .containsEntry("cause", "Session-Context-Not-Found")));
        assertThat(NAS.get(nas).drain())
                .as("no Disconnect for a session that is gone")
                .extracting(TestCoaListener.Received::code)
                .containsExactly(TestCoaListener.COA_REQUEST);
    }

    @Test
    void aQuotaUpdateChangesTheDataLeftAndNothingOnTheSession() throws Exception {
        String nas = "127.0.0.10";
        UUID subscriber = SUBSCRIBERS.get(nas);
        start(nas, "100.64.1.10");
        var listener = NAS.get(nas);
        listener.answer(Answer.ACK, Answer.ACK);
        long left = (5L << 30) + 123;

        Snapshots.publishQuota(redis, REGION, ISP, UUID.randomUUID(), 1L);
        Snapshots.publishQuota(redis, REGION, ISP, subscriber, left);

        await().atMost(Duration.ofSeconds(5)).until(() -> Long.valueOf(left)
                .equals(state.subscriber(subscriber).orElseThrow().dataRemaining()));
        var held = state.subscriber(subscriber).orElseThrow();
        assertThat(held.version()).isEqualTo(1);
        assertThat(held.profileVersion()).isEqualTo(1);
        assertThat(state.subscriberCount())
                .as("an unknown subscriber's update ignored")
                .isEqualTo(SUBSCRIBERS.size());

        // Entries are applied in order: the block's change and CoA are the first since the updates.
        Snapshots.publish(redis, REGION, ISP, subscriber, null, 2, "BLOCKED");

        var first = listener.next(5);
        assertThat(first.code()).isEqualTo(TestCoaListener.COA_REQUEST);
        assertThat(first.attributes()).containsEntry("14988:19", "unpaid");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(steps(subscriber)).containsExactly("RESTRICT COA ACK"));
        assertThat(changes.of(subscriber)).singleElement().satisfies(change -> {
            assertThat(change.previous().dataRemaining()).isEqualTo(left);
            assertThat(change.current().state()).isEqualTo("BLOCKED");
        });
    }

    private static String user(String nas) {
        return "user-" + nas + "@isp";
    }

    /** Opens a session for the NAS's subscriber with an Accounting Start; returns its id. */
    private String start(String nas, String framedIp) throws Exception {
        String session = "s-" + UUID.randomUUID().toString().substring(0, 8);
        try (var client = new TestNas(nas, SECRET)) {
            assertThat(client.accounting(
                            server.accountingPort(),
                            Map.of(
                                    "Acct-Status-Type",
                                    "Start",
                                    "Acct-Session-Id",
                                    session,
                                    "User-Name",
                                    user(nas),
                                    "Framed-IP-Address",
                                    framedIp)))
                    .isPresent();
        }
        assertThat(sessions.open(ISP, SUBSCRIBERS.get(nas)))
                .extracting(RadiusSession::sessionId)
                .contains(session);
        return session;
    }

    /** The subscriber's enforcement steps on the stream, oldest first, as "change action outcome". */
    private List<String> steps(UUID subscriber) {
        return region.accountingStream(redis).stream()
                .filter(e -> "enforcement".equals(e.get("type"))
                        && subscriber.toString().equals(e.get("subscriber")))
                .map(e -> e.get("change") + " " + e.get("action") + " " + e.get("outcome"))
                .toList();
    }
}
