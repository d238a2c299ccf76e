package io.reroute.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegionStateTest {

    private static final UUID WS = UUID.randomUUID();
    private static final UUID ID = UUID.randomUUID();

    private final RegionState state = new RegionState();

    @Test
    void aQuotaUpdateReplacesTheDataLeftAndKeepsTheRecordAndItsVersions() throws Exception {
        var held = subscriber(4, 2, 1000L);
        state.replace(List.of(), List.of(held), "0-0", Instant.now());

        state.applyQuota(WS, ID, (5L << 30) + 123);

        var updated = state.subscriber(ID).orElseThrow();
        assertThat(updated.dataRemaining()).isEqualTo((5L << 30) + 123);
        assertThat(updated.withDataRemaining(1000L)).as("nothing else changed").isEqualTo(held);
        assertThat(state.byUsername(WS, "u@isp")).as("found by login").contains(updated);
        assertThat(state.bySource(InetAddress.getByName("100.64.0.9")))
                .as("found by address")
                .contains(updated);
        assertThat(state.bySource(InetAddress.getByName("2001:db8:9::1")))
                .as("found by delegated prefix")
                .contains(updated);

        state.applyQuota(WS, ID, null);
        assertThat(state.subscriber(ID).orElseThrow().dataRemaining())
                .as("unlimited")
                .isNull();
    }

    @Test
    void aQuotaUpdateOfASubscriberNotHeldChangesNothing() {
        var held = subscriber(1, 1, 1000L);
        state.replace(List.of(), List.of(held), "0-0", Instant.now());

        state.applyQuota(WS, UUID.randomUUID(), 5L);
        state.applyQuota(UUID.randomUUID(), ID, 5L);
        state.applyQuota(WS, null, 5L);

        assertThat(state.subscriberCount()).isEqualTo(1);
        assertThat(state.subscriber(ID)).as("another workspace's update").contains(held);
    }

    @Test
    void versionsStillOrderRecordsAfterAQuotaUpdate() {
        state.replace(List.of(), List.of(subscriber(1, 1, 1000L)), "0-0", Instant.now());
        state.applyQuota(WS, ID, 500L);

        assertThat(state.apply(subscriber(1, 1, 1000L))).as("a replayed record").isEmpty();
        assertThat(state.subscriber(ID).orElseThrow().dataRemaining()).isEqualTo(500L);

        var newer = subscriber(2, 1, 400L);
        assertThat(state.apply(newer))
                .hasValueSatisfying(
                        change -> assertThat(change.previous().dataRemaining()).isEqualTo(500L));
        assertThat(state.subscriber(ID)).contains(newer);
    }

    private static Subscriber subscriber(long version, long profileVersion, Long dataRemaining) {
        return new Subscriber(
                WS,
                ID,
                "A-1",
                version,
                "ACTIVE",
                "100.64.0.9",
                null,
                "2001:db8:9::/48",
                "u@isp",
                profileVersion,
                null,
                "10M/50M",
                "REDIRECT",
                dataRemaining);
    }
}
