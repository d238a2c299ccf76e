package io.reroute.platform.enforcement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reroute.platform.support.BillingFixtures;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.RegionStreams;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * With the relay on and its poll an hour apart, an event still reaches the region's stream within
 * moments of its commit: the commit itself wakes the relay for that workspace.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = {"reroute.outbox.relay-enabled=true", "reroute.outbox.relay-interval=PT1H"})
// Closed afterwards: a relaying context must not outlive this class next to tests that relay by hand.
@DirtiesContext
class OutboxRelayOnCommitIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void aCommittedEventIsRelayedWithoutWaitingForThePoll() {
        String region = "on-commit-" + UUID.randomUUID().toString().substring(0, 8);
        var isp = workspaces.create(region);

        String subscriber = BillingFixtures.subscriber(isp, "OC-1");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(RegionStreams.entries(redis, region))
                .anySatisfy(e -> assertThat(e.subscriber()).isEqualTo(subscriber)));
    }
}
