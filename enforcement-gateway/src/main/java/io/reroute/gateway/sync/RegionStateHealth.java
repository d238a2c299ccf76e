package io.reroute.gateway.sync;

import io.reroute.gateway.state.RegionState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Ready once the region's state is loaded; after that it stays up while the platform or Redis is
 * away (the last state keeps being enforced) and says how stale it is.
 */
@Component("regionStateHealthIndicator")
class RegionStateHealth implements HealthIndicator {

    private final RegionState state;
    private final RegionSync sync;

    RegionStateHealth(RegionState state, RegionSync sync) {
        this.state = state;
        this.sync = sync;
    }

    @Override
    public Health health() {
        if (!state.loaded()) {
            return Health.outOfService()
                    .withDetail("reason", "no region snapshot loaded yet")
                    .build();
        }
        return Health.up()
                .withDetail("subscribers", state.subscriberCount())
                .withDetail("streamPosition", state.position())
                .withDetail("stalenessSeconds", sync.staleness().toSeconds())
                .withDetail("streamLagSeconds", sync.lag().toSeconds())
                .withDetail("snapshotAgeSeconds", sync.snapshotAge().toSeconds())
                .build();
    }
}
