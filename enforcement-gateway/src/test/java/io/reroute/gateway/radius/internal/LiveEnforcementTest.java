package io.reroute.gateway.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.gateway.radius.internal.LiveEnforcement.Change;
import io.reroute.gateway.state.Subscriber;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiveEnforcementTest {

    private static final UUID WS = UUID.randomUUID();
    private static final UUID ID = UUID.randomUUID();

    @ParameterizedTest
    @CsvSource({
        "ACTIVE, BLOCKED, RESTRICT",
        "WARNED, CAPPED, RESTRICT",
        "ACTIVE, SUSPENDED, RESTRICT",
        "BLOCKED, ACTIVE, RESTORE",
        "CAPPED, WARNED, RESTORE",
    })
    void aMoveInOrOutOfTheExpiredProfileIsARestrictOrRestore(String from, String to, Change expected) {
        assertThat(LiveEnforcement.classify(subscriber(from, "10M/10M"), subscriber(to, "10M/10M")))
                .contains(expected);
    }

    @Test
    void aNewPlanRateIsARateChangeOnlyOutsideTheExpiredProfile() {
        assertThat(LiveEnforcement.classify(subscriber("ACTIVE", "10M/10M"), subscriber("ACTIVE", "20M/20M")))
                .contains(Change.RATE);
        assertThat(LiveEnforcement.classify(subscriber("BLOCKED", "10M/10M"), subscriber("SUSPENDED", "20M/20M")))
                .isEmpty();
        assertThat(LiveEnforcement.classify(subscriber("ACTIVE", "10M/10M"), subscriber("WARNED", "10M/10M")))
                .isEmpty();
    }

    @Test
    void reachingACapRedirectsOrThrottlesAsThePlanSays() {
        var active = subscriber("ACTIVE", "10M/50M", "REDIRECT");
        assertThat(LiveEnforcement.classify(active, subscriber("CAPPED", "10M/50M", "REDIRECT")))
                .contains(Change.RESTRICT);

        var throttledPlan = subscriber("ACTIVE", "10M/50M", "THROTTLE");
        var throttled = subscriber("CAPPED", "512k/1M", "THROTTLE");
        assertThat(LiveEnforcement.classify(throttledPlan, throttled))
                .as("online at the throttle speed the platform put in the rate limit")
                .contains(Change.RATE);
        assertThat(LiveEnforcement.classify(throttled, throttledPlan))
                .as("a new cycle or a top-up")
                .contains(Change.RATE);
    }

    private static Subscriber subscriber(String state, String rate) {
        return subscriber(state, rate, null);
    }

    private static Subscriber subscriber(String state, String rate, String capAction) {
        return new Subscriber(WS, ID, "A-1", 1, state, null, null, null, "u@isp", 1, null, rate, capAction, null);
    }
}
