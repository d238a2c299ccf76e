package io.reroute.gateway.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.reroute.gateway.state.NasClient;
import io.reroute.gateway.state.RadiusProfile;
import io.reroute.gateway.state.Subscriber;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tinyradius.core.attribute.AttributeHolder;

/** Accept attributes, read back by tinyradius through the gateway's dictionary, by name. */
class AccessPolicyTest {

    private static final UUID WS = UUID.randomUUID();
    private static final RadiusProfile PROFILE = new RadiusProfile("unpaid", "256k/256k", null, 300);
    private static final long PAST_FOUR_GIB = (5L << 30) + 123;

    private final AccessPolicy policy = new AccessPolicy();

    @ParameterizedTest
    @CsvSource({
        // 5 GiB + 123: past 4 GiB, so one gigaword and 1 GiB + 123 octets.
        "REDIRECT, 5368709243, 1073741947, 1",
        "REDIRECT, 4294967296, 0, 1",
        "REDIRECT, 1000, 1000, 0",
    })
    void theDataLeftOfACappedPlanIsTheSessionsTotalLimitInTwoWords(
            String capAction, long remaining, String limit, String gigawords) throws Exception {
        var reply = accept(nas("MIKROTIK"), subscriber("ACTIVE", capAction, remaining));

        assertThat(reply)
                .containsEntry("Mikrotik-Total-Limit", limit)
                .containsEntry("Mikrotik-Total-Limit-Gigawords", gigawords)
                .containsEntry("Mikrotik-Rate-Limit", "10M/50M");
        assertThat(Long.parseLong(gigawords) << 32 | Long.parseLong(limit)).isEqualTo(remaining);
    }

    @Test
    void noTotalLimitWhenRedirectedThrottlingUnlimitedOrUsedUp() throws Exception {
        var mikrotik = nas("MIKROTIK");
        var redirected = accept(mikrotik, subscriber("CAPPED", "REDIRECT", 100L));
        var blocked = accept(mikrotik, subscriber("BLOCKED", "REDIRECT", PAST_FOUR_GIB));
        var throttled = accept(mikrotik, subscriber("CAPPED", "THROTTLE", 100L));
        var noCap = accept(mikrotik, subscriber("ACTIVE", null, null));
        var unknownCount = accept(mikrotik, subscriber("ACTIVE", "REDIRECT", null));
        var usedUp = accept(mikrotik, subscriber("ACTIVE", "REDIRECT", 0L));
        // A throttling plan's session must outlive its cap: the platform pushes the slower rate.
        var throttling = accept(mikrotik, subscriber("ACTIVE", "THROTTLE", PAST_FOUR_GIB));

        for (var reply : List.of(redirected, blocked, throttled, noCap, unknownCount, usedUp, throttling)) {
            assertThat(reply).doesNotContainKeys("Mikrotik-Total-Limit", "Mikrotik-Total-Limit-Gigawords");
        }
        assertThat(redirected).containsEntry("Mikrotik-Address-List", "unpaid");
        assertThat(throttled)
                .as("online at the throttle speed")
                .containsEntry("Mikrotik-Rate-Limit", "10M/50M")
                .doesNotContainKey("Mikrotik-Address-List");
        assertThat(noCap).containsEntry("Mikrotik-Rate-Limit", "10M/50M");
    }

    @Test
    void otherNasClientsGetNoMikrotikAttributes() throws Exception {
        var reply = accept(nas("GENERIC"), subscriber("ACTIVE", "REDIRECT", PAST_FOUR_GIB));

        assertThat(reply.keySet()).noneMatch(name -> name.startsWith("Mikrotik-"));
    }

    /** The attributes by name, Vendor-Specific ones unpacked; values as tinyradius prints them. */
    private Map<String, String> accept(NasClient nas, Subscriber subscriber) {
        var attributes = new LinkedHashMap<String, String>();
        for (byte[] attribute : policy.accept(nas, PROFILE, subscriber)) {
            AttributeHolder.readAttribute(RadiusDictionary.get(), -1, Unpooled.wrappedBuffer(attribute))
                    .flatten()
                    .forEach(a -> attributes.put(a.getAttributeName(), a.getValueString()));
        }
        return attributes;
    }

    private static NasClient nas(String vendor) throws Exception {
        return new NasClient(
                UUID.randomUUID(), WS, "bras", InetAddress.getByName("192.0.2.1"), "sealed", 3799, vendor, true);
    }

    private static Subscriber subscriber(String state, String capAction, Long remaining) {
        return new Subscriber(
                WS,
                UUID.randomUUID(),
                "A-1",
                1,
                state,
                null,
                null,
                null,
                "u@isp",
                1,
                null,
                "10M/50M",
                capAction,
                remaining);
    }
}
