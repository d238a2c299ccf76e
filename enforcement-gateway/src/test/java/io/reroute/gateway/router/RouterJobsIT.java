package io.reroute.gateway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.support.Snapshots;
import io.reroute.gateway.support.Snapshots.Router;
import io.reroute.gateway.support.TestRegion;
import io.reroute.gateway.support.TestRouterOs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
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

/**
 * Router jobs against a RouterOS API test server: the unpaid flow applied once and then not again,
 * the ISP's own items untouched, the restricted address list reconciled with the gateway's view,
 * API sessions reused and reopened, and a workspace's job never reaching another's router.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RouterJobsIT {

    private static final String REGION = "router-test";
    private static final String PASSWORD = "api-password";
    private static final UUID ISP = UUID.randomUUID();
    private static final UUID OTHER_ISP = UUID.randomUUID();
    private static final UUID BLOCKED = UUID.randomUUID();
    private static final UUID ACTIVE = UUID.randomUUID();
    private static final String LIST = "/ip/firewall/address-list";
    private static final String FILTER = "/ip/firewall/filter";

    static final TestRegion region = TestRegion.start(REGION);
    static final TestRouterOs access = routerOs();
    static final TestRouterOs edge = routerOs();
    static final TestRouterOs shared = routerOs();
    static final Router accessRouter = Router.access(access.port(), PASSWORD, null);
    static final Router edgeRouter = Router.edge(edge.port(), PASSWORD);
    static final Router sharedOfIsp = Router.edge(shared.port(), PASSWORD);
    static final Router sharedOfOther = Router.edge(shared.port(), PASSWORD);

    static {
        var seal = region.seal();
        region.platform()
                .serve(Snapshots.snapshot(
                        REGION,
                        Snapshots.routerWorkspace(
                                ISP,
                                seal,
                                "pay.isp.example",
                                "203.0.113.10",
                                List.of("*.stripe.com", "198.51.100.0/24"),
                                "unpaid",
                                List.of(),
                                List.of(accessRouter, edgeRouter, sharedOfIsp)),
                        Snapshots.routerWorkspace(
                                OTHER_ISP,
                                seal,
                                null,
                                "203.0.113.20",
                                List.of(),
                                "unpaid",
                                List.of(),
                                List.of(sharedOfOther)),
                        Snapshots.subscriberLine(ISP, BLOCKED, "100.64.0.1", 1, "BLOCKED"),
                        Snapshots.subscriberLine(ISP, ACTIVE, "100.64.0.2", 1, "ACTIVE"),
                        Snapshots.subscriberLine(OTHER_ISP, UUID.randomUUID(), "100.64.0.1", 1, "BLOCKED")));
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        region.wireRadius(registry);
        registry.add("reroute.gateway.radius.enabled", () -> "false");
        registry.add("reroute.gateway.routers.reconcile-interval", () -> "1h");
    }

    @Autowired
    RegionState state;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @AfterAll
    static void stop() throws IOException {
        access.close();
        edge.close();
        shared.close();
        region.close();
    }

    @BeforeEach
    void stateLoaded() {
        await().atMost(Duration.ofSeconds(20)).until(state::loaded);
    }

    @Test
    void applyingTwiceChangesNothingTheSecondTimeAndLeavesTheIspsItemsAlone() {
        String ispRule = access.seed(FILTER, Map.of("chain", "forward", "action", "accept", "comment", "isp: lan"));
        String ispEntry = access.seed(LIST, Map.of("list", "customers", "address", "10.0.0.0/8"));

        var first = run(ISP, accessRouter, "APPLY");

        assertThat(first).containsEntry("outcome", "SUCCEEDED").containsEntry("version", "7.16.2 (stable)");
        assertThat(first.get("result")).contains("\"kind\":\"MISSING\"");
        List<String> filter = comments(access, FILTER);
        assertThat(filter)
                .containsExactly(
                        "reroute:filter:allow",
                        "reroute:filter:allow-tls:*.stripe.com",
                        "reroute:filter:reject-https",
                        "reroute:filter:reject-quic",
                        "reroute:filter:reject-dot",
                        "reroute:filter:reject-other",
                        "isp: lan");
        assertThat(access.items(FILTER).getLast()).containsEntry(".id", ispRule).containsEntry("action", "accept");
        assertThat(access.items(LIST))
                .filteredOn(item -> ispEntry.equals(item.get(".id")))
                .singleElement()
                .satisfies(item -> assertThat(item).doesNotContainKey("comment"));
        assertThat(access.items(LIST))
                .filteredOn(item -> "unpaid-allow".equals(item.get("list")))
                .extracting(item -> item.get("address"))
                .containsExactly("203.0.113.10", "pay.isp.example", "198.51.100.0/24");
        assertThat(access.items("/ppp/profile")).singleElement().satisfies(profile -> assertThat(profile)
                .containsEntry("name", "reroute-expired")
                .containsEntry("address-list", "unpaid")
                .containsEntry("rate-limit", "256k/256k"));

        access.clearCommands();
        var second = run(ISP, accessRouter, "APPLY");

        assertThat(second).containsEntry("outcome", "SUCCEEDED");
        assertThat(second.get("result")).contains("\"changes\":[]");
        assertThat(access.commands()).as("only reads the second time").allSatisfy(command -> assertThat(command)
                .endsWith("/print"));
    }

    @Test
    void reconcilingListsRestrictedSubscribersAndRemovesWhatIsNoLongerOurs() {
        String stale =
                edge.seed(LIST, Map.of("list", "unpaid", "address", "100.64.0.2", "comment", "reroute:sub:" + ACTIVE));
        String isps = edge.seed(LIST, Map.of("list", "unpaid", "address", "100.64.9.9", "comment", "isp: manual"));
        edge.seed(FILTER, Map.of("chain", "forward", "action", "drop", "comment", "reroute:filter:retired"));

        var report = run(ISP, edgeRouter, "RECONCILE");

        assertThat(report).containsEntry("outcome", "SUCCEEDED");
        assertThat(report.get("result"))
                .contains("{\"kind\":\"MISSING\",\"path\":\"/ip/firewall/address-list\",\"marker\":\"reroute:sub:"
                        + BLOCKED)
                .contains("\"kind\":\"UNEXPECTED\"")
                .contains("reroute:filter:retired");
        var restricted = edge.items(LIST).stream()
                .filter(item -> "unpaid".equals(item.get("list")))
                .toList();
        assertThat(restricted)
                .extracting(item -> item.get("address") + " " + item.get("comment"))
                .containsExactlyInAnyOrder("100.64.9.9 isp: manual", "100.64.0.1 reroute:sub:" + BLOCKED);
        assertThat(restricted)
                .extracting(item -> item.get(".id"))
                .contains(isps)
                .doesNotContain(stale);
        assertThat(comments(edge, "/ppp/profile"))
                .as("an EDGE router gets no PPP profile")
                .isEmpty();

        var again = run(ISP, edgeRouter, "RECONCILE");
        assertThat(again.get("result")).contains("\"drift\":[]");
    }

    @Test
    void sessionsAreReusedAndReopenedAfterTheRouterWasAway() {
        run(ISP, edgeRouter, "TEST");
        int connections = edge.connectionsAccepted();
        assertThat(run(ISP, edgeRouter, "TEST"))
                .containsEntry("outcome", "SUCCEEDED")
                .containsEntry("identity", "MikroTik");
        assertThat(edge.connectionsAccepted()).as("the session was reused").isEqualTo(connections);

        edge.offline(true);
        var failed = run(ISP, edgeRouter, "TEST");
        assertThat(failed).containsEntry("outcome", "FAILED");
        assertThat(failed.get("error")).isNotBlank();

        edge.offline(false);
        assertThat(run(ISP, edgeRouter, "TEST")).containsEntry("outcome", "SUCCEEDED");
    }

    @Test
    void routerOs718EmptyRepliesAreUnderstood() {
        shared.emptyReplies(true);
        try {
            var report = run(OTHER_ISP, sharedOfOther, "RECONCILE");

            assertThat(report).containsEntry("outcome", "SUCCEEDED");
            assertThat(report.get("result")).contains("\"kind\":\"MISSING\"");
        } finally {
            shared.emptyReplies(false);
        }
    }

    @Test
    void twoWorkspacesNeverShareARoutersSessionOrJobs() {
        int before = shared.connectionsAccepted();
        run(ISP, sharedOfIsp, "TEST");
        run(OTHER_ISP, sharedOfOther, "TEST");
        assertThat(shared.connectionsAccepted() - before)
                .as("one session per (workspace, router), even to the same address")
                .isEqualTo(2);

        var foreign = run(OTHER_ISP, accessRouter, "APPLY");
        assertThat(foreign).containsEntry("outcome", "FAILED").containsEntry("workspace", OTHER_ISP.toString());
        assertThat(foreign.get("error")).contains("not in this gateway's view");
    }

    /** Publishes a job and waits for the gateway's report of it on the accounting stream. */
    private Map<String, String> run(UUID workspace, Router router, String kind) {
        UUID job = Snapshots.publishRouterJob(redis, REGION, workspace, router.id(), kind);
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> region.accountingStream(redis).stream()
                                .filter(e -> job.toString().equals(e.get("job")))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static List<String> comments(TestRouterOs router, String path) {
        return router.items(path).stream().map(item -> item.get("comment")).toList();
    }

    private static TestRouterOs routerOs() {
        try {
            return TestRouterOs.start("reroute", PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
