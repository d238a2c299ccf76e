package io.reroute.platform.gateway.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/** The probe's messages as they travel through Redis; times in epoch milliseconds. */
final class ProbeMessages {

    private ProbeMessages() {}

    /** Published to the region's probe channel; answered on the reply channel of {@code requestId}. */
    record Request(UUID requestId, UUID workspace, UUID subscriberId, String name) {}

    /** One gateway's answer; newer gateways may send more. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(
            UUID requestId,
            String instance,
            String region,
            long at,
            boolean loaded,
            UUID workspace,
            UUID subscriberId,
            SubscriberView subscriber,
            DnsView dns,
            List<RouterView> routers,
            RadiusView radius) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SubscriberView(String state, long version, long profileVersion, boolean redirected, boolean throttled) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DnsView(
            String name,
            String source,
            String outcome,
            String landingIpv4,
            String landingIpv6,
            boolean sourceIsSubscriber,
            boolean served) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RouterView(UUID routerId, String name, String addressList, String membership, Long seenAt, String address) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RadiusView(
            String code,
            long at,
            UUID nasId,
            String nasName,
            String framedIpAddress,
            String framedPool,
            String addressList,
            String rateLimit,
            Long totalLimitOctets,
            String filterId,
            String replyMessage) {}
}
