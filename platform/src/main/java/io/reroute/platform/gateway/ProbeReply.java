package io.reroute.platform.gateway;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One gateway's answer to a {@link SubscriberProbe}: what it does for the subscriber right now.
 * When it knows no such subscriber of the workspace, {@code subscriber}, {@code dns} and {@code
 * radius} are null and {@code routers} empty.
 *
 * @param instance the gateway that answered (as in {@link GatewayStatus#instance()})
 * @param stateLoaded whether that gateway holds its region's state at all (if not, it knows nobody)
 * @param subscriber the record the gateway enforces
 * @param dns what its DNS redirector answers the subscriber for the name asked about
 * @param routers the subscriber on each router of the workspace's restricted address list
 * @param lastRadiusReply the last answer it sent to the subscriber's Access-Request; null when it
 *     sent none lately
 */
public record ProbeReply(
        String instance,
        String region,
        Instant answeredAt,
        boolean stateLoaded,
        SubscriberRecord subscriber,
        DnsAnswer dns,
        List<RouterListing> routers,
        RadiusReply lastRadiusReply) {

    public ProbeReply {
        routers = routers == null ? List.of() : List.copyOf(routers);
    }

    /** Whether the gateway holds the subscriber (in the workspace asked about). */
    public boolean knowsSubscriber() {
        return subscriber != null;
    }

    /**
     * The subscriber as the gateway enforces it.
     *
     * @param version the state version (per subscriber, monotonic); the gateway ignores older ones
     * @param profileVersion counts changes that are no state change (credentials, plan)
     * @param redirected whether the gateway sends the subscriber to the portal
     * @param throttled whether a data cap slows the subscriber down instead
     */
    public record SubscriberRecord(
            String state, long version, long profileVersion, boolean redirected, boolean throttled) {}

    /**
     * What the DNS redirector answers the subscriber's query for {@code name}, decided by the
     * redirector's own rule for the subscriber's address.
     *
     * @param sourceAddress the subscriber's address the decision is for (static, else from an open
     *     RADIUS session); null when the gateway knows none
     * @param outcome {@code REDIRECTED} (the landing address), {@code ALLOWLISTED} (resolved for real:
     *     allowlist or reminder host), {@code FORWARDED} (not redirected: resolved for real), {@code
     *     CANARY} (NXDOMAIN, keeps browsers off encrypted DNS), {@code REFUSED} (the address is outside
     *     the gateway's subscriber networks) or {@code NO_ADDRESS}
     * @param landingIpv4 the answer to an A query when redirected (null: no data)
     * @param landingIpv6 the answer to an AAAA query when redirected (null: no data)
     * @param addressIsSubscribers false when the gateway holds the address as someone else's (who is
     *     not said), whose standing then decides
     * @param served whether this gateway answers DNS at all
     */
    public record DnsAnswer(
            String name,
            String sourceAddress,
            String outcome,
            String landingIpv4,
            String landingIpv6,
            boolean addressIsSubscribers,
            boolean served) {

        public boolean redirected() {
            return "REDIRECTED".equals(outcome);
        }
    }

    /**
     * The subscriber on one router's restricted address list, as the gateway last read the list.
     *
     * @param membership {@code LISTED}, {@code NOT_LISTED} or {@code UNKNOWN} (this gateway has not
     *     read the list, as another gateway of the region reconciles the router, or knows no address
     *     of the subscriber)
     * @param seenAt when the gateway read the list; null when it never did
     * @param listedAddress the subscriber's address found on the list
     */
    public record RouterListing(
            UUID routerId,
            String routerName,
            String addressList,
            String membership,
            Instant seenAt,
            String listedAddress) {}

    /**
     * The last answer to the subscriber's Access-Request; null fields were not in it.
     *
     * @param code {@code Access-Accept} or {@code Access-Reject}
     * @param addressList Mikrotik-Address-List (a restricted subscriber's list)
     * @param rateLimit Mikrotik-Rate-Limit
     * @param totalLimitOctets Mikrotik-Total-Limit with its gigawords (data left on a capped plan)
     * @param filterId the restricted list, for a NAS that is no MikroTik
     */
    public record RadiusReply(
            String code,
            Instant sentAt,
            UUID nasId,
            String nasName,
            String framedIpAddress,
            String framedPool,
            String addressList,
            String rateLimit,
            Long totalLimitOctets,
            String filterId,
            String replyMessage) {}

    /** Who answered and the gist, without addresses or messages: for logs. */
    @Override
    public String toString() {
        return "ProbeReply[" + instance + " in " + region + ", "
                + (subscriber == null
                        ? "subscriber unknown"
                        : subscriber.state() + " v" + subscriber.version()
                                + (dns == null ? "" : ", DNS " + dns.outcome())
                                + (lastRadiusReply == null ? "" : ", last " + lastRadiusReply.code()))
                + "]";
    }
}
