package io.reroute.gateway.radius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.reroute.gateway.radius.internal.RadiusServer;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.support.Radclient;
import io.reroute.gateway.support.Snapshots;
import io.reroute.gateway.support.Snapshots.Nas;
import io.reroute.gateway.support.TestNas;
import io.reroute.gateway.support.TestRegion;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tinyradius.core.attribute.type.RadiusAttribute;

/**
 * The RADIUS server against radclient and test NAS clients on real sockets: PAP and CHAP, the
 * expired profile for restricted subscribers, rejects, BlastRADIUS and unknown-NAS drops, and
 * accounting sessions kept apart per workspace even where two ISPs use the same private addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RadiusServerIT {

    private static final String REGION = "radius-test";
    private static final UUID ISP_A = UUID.randomUUID();
    private static final UUID ISP_B = UUID.randomUUID();
    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final UUID CAROL = UUID.randomUUID();
    private static final UUID DAVE = UUID.randomUUID();
    private static final UUID SHARED_A = UUID.randomUUID();
    private static final UUID SHARED_B = UUID.randomUUID();
    private static final String SECRET_A = "nas-secret-of-isp-a";
    private static final String SECRET_B = "nas-secret-of-isp-b";
    private static final String SECRET_OLD = "nas-secret-old-device";

    static final TestRegion region = TestRegion.start(REGION);

    static {
        var seal = region.seal();
        region.platform()
                .serve(Snapshots.snapshot(
                        REGION,
                        Snapshots.radiusWorkspace(
                                ISP_A,
                                seal,
                                "unpaid",
                                "256k/256k",
                                "expired-pool",
                                Nas.mikrotik("127.0.0.1", SECRET_A),
                                new Nas(UUID.randomUUID(), "127.0.0.4", SECRET_OLD, "GENERIC", false)),
                        Snapshots.radiusWorkspace(
                                ISP_B, seal, "reroute-restricted", "1M/1M", null, Nas.mikrotik("127.0.0.2", SECRET_B)),
                        Snapshots.pppoeSubscriberLine(
                                seal, ISP_A, ALICE, "alice@isp", "alice-pw", "ACTIVE", "100.64.0.50", "20000k/100000k"),
                        Snapshots.pppoeSubscriberLine(
                                seal, ISP_A, BOB, "bob@isp", "bob-pw", "BLOCKED", null, "20000k/100000k"),
                        Snapshots.cappedPlanSubscriberLine(
                                seal,
                                ISP_A,
                                CAROL,
                                "carol@isp",
                                "carol-pw",
                                "ACTIVE",
                                "20000k/100000k",
                                "REDIRECT",
                                (5L << 30) + 123),
                        Snapshots.cappedPlanSubscriberLine(
                                seal, ISP_A, DAVE, "dave@isp", "dave-pw", "CAPPED", "1M/2M", "THROTTLE", 0L),
                        Snapshots.pppoeSubscriberLine(
                                seal, ISP_A, SHARED_A, "shared@isp", "a-shared", "ACTIVE", "100.64.0.60", "10M/10M"),
                        Snapshots.pppoeSubscriberLine(
                                seal, ISP_B, SHARED_B, "shared@isp", "b-shared", "ACTIVE", "100.64.0.60", "5M/5M")));
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        region.wireRadius(registry);
    }

    @Autowired
    RadiusServer server;

    @Autowired
    RegionState state;

    @Autowired
    RadiusSessions sessions;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @AfterAll
    static void stopRegion() throws IOException {
        region.close();
    }

    @BeforeEach
    void stateLoaded() {
        await().atMost(Duration.ofSeconds(20)).until(state::loaded);
    }

    @Test
    void papLoginOfAnActiveSubscriberIsAcceptedWithThePlan() throws Exception {
        var reply = auth(SECRET_A, "User-Name = \"alice@isp\"", "User-Password = \"alice-pw\"");

        assertThat(reply.code()).as(reply.output()).isEqualTo("Access-Accept");
        assertThat(reply.attributes())
                .contains(
                        "Framed-IP-Address = 100.64.0.50",
                        "Mikrotik-Rate-Limit = \"20000k/100000k\"",
                        "Acct-Interim-Interval = 300")
                .noneMatch(a -> a.startsWith("Mikrotik-Address-List"))
                .as("no data cap")
                .noneMatch(a -> a.startsWith("Mikrotik-Total-Limit"));
        assertThat(reply.attributes().getFirst())
                .as("Message-Authenticator first (BlastRADIUS)")
                .startsWith("Message-Authenticator");
        assertThat(reply.attributes()).anySatisfy(a -> assertThat(a).startsWith("Class = 0x"));
    }

    @Test
    void chapLoginIsCheckedAgainstTheSamePassword() throws Exception {
        assertThat(auth(SECRET_A, "User-Name = \"alice@isp\"", "CHAP-Password = \"alice-pw\"")
                        .code())
                .isEqualTo("Access-Accept");
        assertThat(auth(SECRET_A, "User-Name = \"alice@isp\"", "CHAP-Password = \"wrong\"")
                        .code())
                .isEqualTo("Access-Reject");
    }

    @Test
    void aBlockedSubscriberIsAcceptedIntoTheExpiredProfileNotRejected() throws Exception {
        var reply = auth(SECRET_A, "User-Name = \"bob@isp\"", "User-Password = \"bob-pw\"");

        assertThat(reply.code()).as(reply.output()).isEqualTo("Access-Accept");
        assertThat(reply.attributes())
                .contains(
                        "Mikrotik-Address-List = \"unpaid\"",
                        "Mikrotik-Rate-Limit = \"256k/256k\"",
                        "Framed-Pool = \"expired-pool\"");
    }

    @Test
    void aCappedPlansDataLeftIsTheSessionsTotalLimitUntilThrottled() throws Exception {
        var carol = auth(SECRET_A, "User-Name = \"carol@isp\"", "User-Password = \"carol-pw\"");
        var dave = auth(SECRET_A, "User-Name = \"dave@isp\"", "User-Password = \"dave-pw\"");

        assertThat(carol.code()).as(carol.output()).isEqualTo("Access-Accept");
        assertThat(carol.attributes())
                .as("5 GiB + 123 octets left")
                .contains(
                        "Mikrotik-Total-Limit = " + ((1L << 30) + 123),
                        "Mikrotik-Total-Limit-Gigawords = 1",
                        "Mikrotik-Rate-Limit = \"20000k/100000k\"");
        assertThat(dave.code()).as(dave.output()).isEqualTo("Access-Accept");
        assertThat(dave.attributes())
                .as("capped and throttled: online at the throttle speed")
                .contains("Mikrotik-Rate-Limit = \"1M/2M\"")
                .noneMatch(a -> a.startsWith("Mikrotik-Address-List")
                        || a.startsWith("Framed-Pool")
                        || a.startsWith("Mikrotik-Total-Limit"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserAreRejectedAlike() throws Exception {
        var wrong = auth(SECRET_A, "User-Name = \"alice@isp\"", "User-Password = \"guess\"");
        var unknown = auth(SECRET_A, "User-Name = \"nobody@isp\"", "User-Password = \"guess\"");

        for (var reply : new Radclient.Reply[] {wrong, unknown}) {
            assertThat(reply.code()).isEqualTo("Access-Reject");
            assertThat(reply.attributes()).contains("Reply-Message = \"Wrong user name or password\"");
        }
    }

    @Test
    void proxyStateIsEchoed() throws Exception {
        var reply =
                auth(SECRET_A, "User-Name = \"alice@isp\"", "User-Password = \"alice-pw\"", "Proxy-State = 0x0a0b0c0d");

        assertThat(reply.attributes()).contains("Proxy-State = 0x0a0b0c0d");
    }

    @Test
    void withoutMessageAuthenticatorOrWithAWrongSecretThereIsNoAnswer() throws Exception {
        double missing = dropped("missing-message-authenticator");
        double bad = dropped("bad-authenticator");
        try (var nas = new TestNas("127.0.0.1", SECRET_A)) {
            assertThat(nas.access(server.authPort(), "alice@isp", "alice-pw", false))
                    .isEmpty();
            assertThat(nas.access(server.authPort(), "alice@isp", "alice-pw", true))
                    .hasValueSatisfying(r -> assertThat(r.getType()).isEqualTo((byte) 2));
        }
        assertThat(auth("not-the-secret", "User-Name = \"alice@isp\"", "User-Password = \"alice-pw\"")
                        .code())
                .isEqualTo("NO-REPLY");
        assertThat(dropped("missing-message-authenticator")).isEqualTo(missing + 1);
        assertThat(dropped("bad-authenticator")).isGreaterThan(bad);
    }

    @Test
    void anOldNasMayOmitMessageAuthenticatorAndGetsStandardAttributesOnly() throws Exception {
        try (var nas = new TestNas("127.0.0.4", SECRET_OLD)) {
            var reply =
                    nas.access(server.authPort(), "bob@isp", "bob-pw", false).orElseThrow();

            assertThat(reply.getType()).isEqualTo((byte) 2);
            assertThat(reply.getAttribute("Filter-Id").map(RadiusAttribute::getValueString))
                    .contains("unpaid");
            assertThat(reply.getAttribute(26)).as("no MikroTik attributes").isEmpty();
        }
    }

    @Test
    void aSourceThatIsNoNasGetsNothingAndIsCounted() throws Exception {
        double before = dropped("unknown-nas");
        try (var stranger = new TestNas("127.0.0.3", SECRET_A)) {
            assertThat(stranger.access(server.authPort(), "alice@isp", "alice-pw", true))
                    .isEmpty();
        }
        assertThat(dropped("unknown-nas")).isEqualTo(before + 1);
    }

    @Test
    void aNasOnlyEverSeesItsOwnWorkspacesSubscribers() throws Exception {
        try (var nasOfB = new TestNas("127.0.0.2", SECRET_B)) {
            int port = server.authPort();
            assertThat(nasOfB.access(port, "shared@isp", "b-shared", true)
                            .orElseThrow()
                            .getType())
                    .isEqualTo((byte) 2);
            assertThat(nasOfB.access(port, "shared@isp", "a-shared", true)
                            .orElseThrow()
                            .getType())
                    .as("A's password for the same user name")
                    .isEqualTo((byte) 3);
            assertThat(nasOfB.access(port, "alice@isp", "alice-pw", true)
                            .orElseThrow()
                            .getType())
                    .as("A's subscriber")
                    .isEqualTo((byte) 3);
        }
    }

    @Test
    void accountingTracksSessionsPerWorkspaceEvenOnTheSameAddress() throws Exception {
        String session = "sess-" + UUID.randomUUID();
        assertThat(acct(
                                "Acct-Status-Type = Start",
                                "Acct-Session-Id = \"" + session + "\"",
                                "User-Name = \"shared@isp\"",
                                "Framed-IP-Address = 100.64.0.60")
                        .code())
                .isEqualTo("Accounting-Response");
        acct(
                "Acct-Status-Type = Interim-Update",
                "Acct-Session-Id = \"" + session + "\"",
                "User-Name = \"shared@isp\"",
                "Framed-IP-Address = 100.64.0.60",
                "Acct-Input-Octets = 5",
                "Acct-Input-Gigawords = 1",
                "Acct-Output-Octets = 700",
                "Acct-Session-Time = 600");
        // A late, older interim update must not take the counters back.
        acct(
                "Acct-Status-Type = Interim-Update",
                "Acct-Session-Id = \"" + session + "\"",
                "User-Name = \"shared@isp\"",
                "Acct-Input-Octets = 3",
                "Acct-Output-Octets = 100",
                "Acct-Session-Time = 300");
        try (var nasOfB = new TestNas("127.0.0.2", SECRET_B)) {
            assertThat(nasOfB.accounting(
                            server.accountingPort(),
                            Map.of(
                                    "Acct-Status-Type", "Start",
                                    "Acct-Session-Id", session,
                                    "User-Name", "shared@isp",
                                    "Framed-IP-Address", "100.64.0.60")))
                    .isPresent();
        }

        assertThat(sessions.open(ISP_A, SHARED_A)).singleElement().satisfies(s -> {
            assertThat(s.sessionId()).isEqualTo(session);
            assertThat(s.framedIpv4()).isEqualTo("100.64.0.60");
            assertThat(s.inputOctets()).isEqualTo((1L << 32) + 5);
            assertThat(s.outputOctets()).isEqualTo(700);
            assertThat(s.sessionSeconds()).isEqualTo(600);
        });
        assertThat(sessions.open(ISP_B, SHARED_B)).singleElement().satisfies(s -> assertThat(s.inputOctets())
                .isZero());
        assertThat(sessions.open(ISP_B, SHARED_A))
                .as("A's subscriber from B's side")
                .isEmpty();
        assertThat(sessions.open(ISP_A)).noneMatch(s -> s.workspaceId().equals(ISP_B));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(region.accountingStream(redis))
                .as("forwarded to the platform")
                .anySatisfy(entry -> assertThat(entry)
                        .containsEntry("workspace", ISP_A.toString())
                        .containsEntry("session", session)
                        .containsEntry("subscriber", SHARED_A.toString())
                        .containsEntry("input", Long.toString((1L << 32) + 5)))
                .anySatisfy(entry -> assertThat(entry)
                        .containsEntry("workspace", ISP_B.toString())
                        .containsEntry("session", session)
                        .containsEntry("subscriber", SHARED_B.toString())));

        acct("Acct-Status-Type = Accounting-On");
        assertThat(sessions.open(ISP_A, SHARED_A)).as("the NAS restarted").isEmpty();
        assertThat(sessions.open(ISP_B, SHARED_B))
                .as("another NAS's sessions stay")
                .hasSize(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(region.accountingStream(redis)).anySatisfy(entry -> assertThat(entry)
                        .containsEntry("type", "nas-restarted")
                        .containsEntry("workspace", ISP_A.toString())));
    }

    @Test
    void stopClosesTheSessionWithItsTerminateCauseByName() throws Exception {
        String session = "sess-" + UUID.randomUUID();
        acct("Acct-Status-Type = Start", "Acct-Session-Id = \"" + session + "\"", "User-Name = \"alice@isp\"");
        assertThat(sessions.open(ISP_A, ALICE))
                .extracting(RadiusSession::sessionId)
                .contains(session);

        acct(
                "Acct-Status-Type = Stop",
                "Acct-Session-Id = \"" + session + "\"",
                "User-Name = \"alice@isp\"",
                "Acct-Terminate-Cause = User-Request");
        assertThat(sessions.open(ISP_A, ALICE))
                .extracting(RadiusSession::sessionId)
                .doesNotContain(session);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(region.accountingStream(redis))
                .anySatisfy(entry ->
                        assertThat(entry).containsEntry("session", session).containsEntry("cause", "User-Request")));
    }

    private Radclient.Reply auth(String secret, String... attributes) throws Exception {
        var all = new String[attributes.length + 1];
        System.arraycopy(attributes, 0, all, 0, attributes.length);
        all[attributes.length] = "Message-Authenticator = 0x00";
        return Radclient.send(server.authPort(), "auth", secret, all);
    }

    private Radclient.Reply acct(String... attributes) throws Exception {
        return Radclient.send(server.accountingPort(), "acct", SECRET_A, attributes);
    }

    private double dropped(String reason) {
        var counter = meters.find("reroute.gateway.radius.dropped")
                .tag("reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
