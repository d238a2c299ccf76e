package io.reroute.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class SubscriberTest {

    private static final UUID WS = UUID.randomUUID();
    private static final UUID ID = UUID.randomUUID();

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "CAPPED, REDIRECT, true",
                "CAPPED, THROTTLE, false",
                "CAPPED, null, true",
                "BLOCKED, THROTTLE, true",
                "SUSPENDED, REDIRECT, true",
                "ACTIVE, REDIRECT, false",
                "WARNED, THROTTLE, false",
            })
    void aCapRedirectsUnlessThePlanThrottles(String state, String capAction, boolean redirected) {
        assertThat(subscriber(state, capAction).redirected()).isEqualTo(redirected);
    }

    @Test
    void recordsOfPlatformsOlderThanDataCapsHaveNoCapAndNoCount() {
        var json = JsonMapper.builder().build();
        var old = json.readValue(
                "{\"workspaceId\":\"" + WS + "\",\"subscriberId\":\"" + ID
                        + "\",\"version\":3,\"state\":\"CAPPED\",\"rateLimit\":\"1M/1M\",\"nasId\":null}",
                Subscriber.class);
        var capped = json.readValue(
                "{\"workspaceId\":\"" + WS + "\",\"subscriberId\":\"" + ID
                        + "\",\"version\":3,\"state\":\"ACTIVE\",\"capAction\":\"THROTTLE\","
                        + "\"dataRemaining\":5368709243}",
                Subscriber.class);

        assertThat(old.capAction()).isNull();
        assertThat(old.dataRemaining()).isNull();
        assertThat(old.redirected())
                .as("capped as before data caps: redirected")
                .isTrue();
        assertThat(capped.capAction()).isEqualTo("THROTTLE");
        assertThat(capped.dataRemaining()).isEqualTo((5L << 30) + 123);
    }

    private static Subscriber subscriber(String state, String capAction) {
        return new Subscriber(WS, ID, "A-1", 1, state, null, null, null, "u@isp", 1, null, "1M/1M", capAction, 1000L);
    }
}
