package io.reroute.gateway.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.gateway.radius.RadiusProperties;
import io.reroute.gateway.state.NasClient;
import io.reroute.gateway.state.RadiusProfile;
import io.reroute.gateway.state.Subscriber;
import io.reroute.gateway.support.StateFixtures;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentRadiusRepliesTest {

    private static final UUID ISP = UUID.randomUUID();
    private static final NasClient NAS = new NasClient(
            UUID.randomUUID(), ISP, "core-1", InetAddress.getLoopbackAddress(), "sealed", 3799, "MIKROTIK", true);
    private static final RadiusProfile PROFILE = new RadiusProfile("unpaid", "256k/256k", "expired-pool", 300);

    @Test
    void theAnswerIsReadBackFromWhatWasSent() {
        var replies = replies(10);
        var blocked = withPlan(StateFixtures.subscriber(ISP, "A-1", "BLOCKED", "100.64.0.9"));
        var attributes = new AccessPolicy().accept(NAS, PROFILE, blocked);

        replies.remember(blocked, NAS, RadiusResponses.ACCESS_ACCEPT, attributes, 1_000);

        var reply = replies.last(ISP, blocked.subscriberId()).orElseThrow();
        assertThat(reply.code()).isEqualTo("Access-Accept");
        assertThat(reply.at()).isEqualTo(Instant.ofEpochMilli(1_000));
        assertThat(reply.nasId()).isEqualTo(NAS.id());
        assertThat(reply.framedIpAddress()).isEqualTo("100.64.0.9");
        assertThat(reply.addressList()).isEqualTo("unpaid");
        assertThat(reply.rateLimit()).isEqualTo("256k/256k");
        assertThat(reply.replyMessage()).isNull();
        assertThat(replies.last(UUID.randomUUID(), blocked.subscriberId()))
                .as("asked by another workspace")
                .isEmpty();
    }

    @Test
    void aRejectKeepsItsMessageAndADataCapItsTotal() {
        var replies = replies(10);
        var capped = new Subscriber(
                ISP,
                UUID.randomUUID(),
                "A-2",
                1,
                "ACTIVE",
                null,
                null,
                null,
                "c@isp",
                0,
                null,
                "10M/10M",
                "REDIRECT",
                (3L << 32) + 7);

        replies.remember(
                capped, NAS, RadiusResponses.ACCESS_ACCEPT, new AccessPolicy().accept(NAS, PROFILE, capped), 1);
        assertThat(replies.last(ISP, capped.subscriberId()).orElseThrow().totalLimitOctets())
                .isEqualTo((3L << 32) + 7);

        replies.remember(
                capped, NAS, RadiusResponses.ACCESS_REJECT, AccessPolicy.reject(AccessPolicy.REJECT_MESSAGE), 2);
        var reply = replies.last(ISP, capped.subscriberId()).orElseThrow();
        assertThat(reply.code()).isEqualTo("Access-Reject");
        assertThat(reply.replyMessage()).isEqualTo(AccessPolicy.REJECT_MESSAGE);
        assertThat(reply.rateLimit()).isNull();
    }

    @Test
    void onlyTheLastAnswersAreKept() {
        var replies = replies(3);
        var subscribers = new ArrayList<Subscriber>();
        for (int i = 0; i < 5; i++) {
            subscribers.add(StateFixtures.subscriber(ISP, "A-" + i, "ACTIVE", "100.64.1." + i));
        }
        var attributes = List.<byte[]>of();
        for (var subscriber : subscribers) {
            replies.remember(subscriber, NAS, RadiusResponses.ACCESS_ACCEPT, attributes, 1);
        }
        // The second subscriber answered again: kept, though its first answer's slot came round.
        replies.remember(subscribers.get(2), NAS, RadiusResponses.ACCESS_ACCEPT, attributes, 2);
        replies.remember(subscribers.get(4), NAS, RadiusResponses.ACCESS_ACCEPT, attributes, 3);

        assertThat(subscribers.stream()
                        .filter(s -> replies.last(ISP, s.subscriberId()).isPresent())
                        .map(Subscriber::accountNumber))
                .containsExactlyInAnyOrder("A-2", "A-4");
        assertThat(replies.last(ISP, subscribers.get(2).subscriberId())
                        .orElseThrow()
                        .at())
                .isEqualTo(Instant.ofEpochMilli(2));
    }

    private static RecentRadiusReplies replies(int remembered) {
        return new RecentRadiusReplies(
                new RadiusProperties(true, "127.0.0.1", 0, 0, 1, Duration.ofSeconds(1), 3, remembered));
    }

    private static Subscriber withPlan(Subscriber s) {
        return new Subscriber(
                s.workspaceId(),
                s.subscriberId(),
                s.accountNumber(),
                s.version(),
                s.state(),
                s.staticIpv4(),
                null,
                null,
                "user@isp",
                0,
                null,
                "20M/20M",
                null,
                null);
    }
}
