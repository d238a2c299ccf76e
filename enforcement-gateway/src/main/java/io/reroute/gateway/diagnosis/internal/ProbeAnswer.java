package io.reroute.gateway.diagnosis.internal;

import java.util.List;
import java.util.UUID;

/**
 * One gateway's answer to a {@link ProbeRequest}, as published on the request's reply channel. Times
 * in epoch milliseconds. When the subscriber is not the workspace's (or not in this gateway's
 * state), {@code subscriber}, {@code dns}, {@code routers} and {@code radius} are null: nothing
 * about another workspace's subscriber ever leaves the gateway.
 *
 * @param loaded whether this gateway has loaded its region's state at all
 */
record ProbeAnswer(
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
        RadiusView radius) {

    /** The subscriber's record as this gateway enforces it. */
    record SubscriberView(String state, long version, long profileVersion, boolean redirected, boolean throttled) {}

    /**
     * What the DNS redirector answers the subscriber for {@code name}.
     *
     * @param source the subscriber's address the decision is for; null when this gateway knows none
     *     (no static address and no open session)
     * @param outcome a {@code DnsOutcome} name, or {@code NO_ADDRESS}
     * @param landingIpv4 the answer to an A query when redirected (null: no data)
     * @param landingIpv6 the answer to an AAAA query when redirected (null: no data)
     * @param sourceIsSubscriber false when the address belongs to someone else in this gateway's
     *     state (who is not said), whose standing then decides
     * @param served whether this gateway answers DNS at all
     */
    record DnsView(
            String name,
            String source,
            String outcome,
            String landingIpv4,
            String landingIpv6,
            boolean sourceIsSubscriber,
            boolean served) {}

    /** The subscriber on one router's restricted address list; {@code seenAt} null when never read. */
    record RouterView(UUID routerId, String name, String addressList, String membership, Long seenAt, String address) {}

    /** The last answer to the subscriber's Access-Request this gateway sent. */
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
