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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Without anyone asking, every router is reconciled each interval: a subscriber blocked while no
 * job ran gets listed, a restored one is taken off, and each round is reported to the platform.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RouterReconciliationIT {

    private static final String REGION = "reconcile-test";
    private static final UUID ISP = UUID.randomUUID();
    private static final UUID SUBSCRIBER = UUID.randomUUID();
    private static final String LIST = "/ip/firewall/address-list";

    static final TestRegion region = TestRegion.start(REGION);
    static final TestRouterOs edge;
    static final Router edgeRouter;

    static {
        try {
            edge = TestRouterOs.start("reroute", "pw");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        edgeRouter = Router.edge(edge.port(), "pw");
        region.platform()
                .serve(Snapshots.snapshot(
                        REGION,
                        Snapshots.routerWorkspace(
                                ISP,
                                region.seal(),
                                null,
                                "203.0.113.10",
                                List.of(),
                                "unpaid",
                                List.of(),
                                List.of(edgeRouter)),
                        Snapshots.subscriberLine(ISP, SUBSCRIBER, "100.64.7.7", 1, "ACTIVE")));
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        region.wireRadius(registry);
        registry.add("reroute.gateway.radius.enabled", () -> "false");
        registry.add("reroute.gateway.routers.reconcile-interval", () -> "1s");
    }

    @Autowired
    RegionState state;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @AfterAll
    static void stop() throws IOException {
        edge.close();
        region.close();
    }

    @Test
    void stateChangesReachTheRouterAtTheNextRound() {
        await().atMost(Duration.ofSeconds(20)).until(state::loaded);

        Snapshots.publish(redis, REGION, ISP, SUBSCRIBER, "100.64.7.7", 2, "BLOCKED");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(restricted()).containsExactly("100.64.7.7 reroute:sub:" + SUBSCRIBER));

        Snapshots.publish(redis, REGION, ISP, SUBSCRIBER, "100.64.7.7", 3, "ACTIVE");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(restricted()).isEmpty());

        assertThat(region.accountingStream(redis))
                .filteredOn(e -> "router".equals(e.get("type")))
                .allSatisfy(e -> assertThat(e)
                        .containsEntry("job", "")
                        .containsEntry("kind", "RECONCILE")
                        .containsEntry("router", edgeRouter.id().toString())
                        .containsEntry("outcome", "SUCCEEDED"))
                .anySatisfy(e -> assertThat(e.get("result")).contains("\"kind\":\"MISSING\""));
    }

    private static List<String> restricted() {
        return edge.items(LIST).stream()
                .filter(item -> "unpaid".equals(item.get("list")))
                .map(item -> item.get("address") + " " + item.get("comment"))
                .toList();
    }
}
