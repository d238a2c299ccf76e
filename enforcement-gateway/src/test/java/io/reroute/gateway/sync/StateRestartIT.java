package io.reroute.gateway.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reroute.gateway.GatewayApplication;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.support.Snapshots;
import io.reroute.gateway.support.TestRegion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A restarted gateway comes back with the state it had, enforces it while the platform is down,
 * and tails the stream from where it stopped: no snapshot, no replay from zero.
 */
class StateRestartIT {

    private static final String REGION = "restart";
    private static final UUID ISP = UUID.randomUUID();
    private static final UUID SUBSCRIBER = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final long DATA_LEFT = (5L << 30) + 123;

    @TempDir
    Path stateDirectory;

    @Test
    void restartRestoresTheSavedStateAndTailsFromItsPosition() throws Exception {
        try (var region = TestRegion.start(REGION)) {
            var platform = region.platform();
            platform.serve(Snapshots.snapshot(
                    REGION,
                    Snapshots.workspace(ISP, "pay.isp.example", "203.0.113.10", null),
                    Snapshots.subscriberLine(ISP, SUBSCRIBER, "127.0.0.2", 1, "ACTIVE"),
                    Snapshots.subscriberLine(ISP, OTHER, "127.0.0.3", 1, "ACTIVE")));

            String positionAtStop;
            try (var gateway = start(region)) {
                var state = gateway.getBean(RegionState.class);
                await().atMost(Duration.ofSeconds(20)).until(state::loaded);
                var redis = gateway.getBean(ReactiveStringRedisTemplate.class);
                Snapshots.publish(redis, REGION, ISP, SUBSCRIBER, "127.0.0.2", 2, "BLOCKED");
                Snapshots.publishQuota(redis, REGION, ISP, SUBSCRIBER, DATA_LEFT);
                await().atMost(Duration.ofSeconds(5)).until(() -> state.subscriber(SUBSCRIBER)
                        .map(s -> s.version() == 2 && Long.valueOf(DATA_LEFT).equals(s.dataRemaining()))
                        .orElse(false));
                positionAtStop = state.position();
            }
            assertThat(stateDirectory.resolve(REGION + ".state")).exists();

            platform.up(false);
            int snapshotsBefore = platform.requests();
            try (var gateway = start(region)) {
                var state = gateway.getBean(RegionState.class);
                assertThat(state.loaded())
                        .as("ready from the saved state at start")
                        .isTrue();
                assertThat(state.position()).isEqualTo(positionAtStop);
                assertThat(state.subscriber(SUBSCRIBER).orElseThrow().state()).isEqualTo("BLOCKED");
                assertThat(state.subscriber(SUBSCRIBER).orElseThrow().dataRemaining())
                        .as("the last quota update")
                        .isEqualTo(DATA_LEFT);
                assertThat(state.workspace(ISP).orElseThrow().reminderHost()).isEqualTo("pay.isp.example");

                var redis = gateway.getBean(ReactiveStringRedisTemplate.class);
                Snapshots.publish(redis, REGION, ISP, OTHER, "127.0.0.3", 2, "BLOCKED");
                await().atMost(Duration.ofSeconds(5)).until(() -> state.subscriber(OTHER)
                        .map(s -> s.version() == 2)
                        .orElse(false));
                assertThat(state.subscriber(SUBSCRIBER).orElseThrow().version())
                        .as("entries before the saved position are not replayed over newer state")
                        .isEqualTo(2);
            }
            assertThat(platform.requests() - snapshotsBefore)
                    .as("the restarted gateway never asked for a snapshot")
                    .isZero();
        }
    }

    private ConfigurableApplicationContext start(TestRegion region) {
        var arguments = new ArrayList<>(region.arguments());
        arguments.addAll(List.of(
                "--server.port=0",
                "--reroute.gateway.sync.state-directory=" + stateDirectory,
                "--reroute.gateway.dns.enabled=false",
                "--reroute.gateway.captive.enabled=false",
                "--reroute.gateway.radius.enabled=false"));
        return new SpringApplicationBuilder(GatewayApplication.class).run(arguments.toArray(String[]::new));
    }
}
