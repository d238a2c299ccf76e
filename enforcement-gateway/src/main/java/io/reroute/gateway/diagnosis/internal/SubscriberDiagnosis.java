package io.reroute.gateway.diagnosis.internal;

import io.netty.util.NetUtil;
import io.reroute.gateway.GatewayInstance;
import io.reroute.gateway.GatewayProperties;
import io.reroute.gateway.diagnosis.internal.ProbeAnswer.DnsView;
import io.reroute.gateway.diagnosis.internal.ProbeAnswer.RadiusView;
import io.reroute.gateway.diagnosis.internal.ProbeAnswer.RouterView;
import io.reroute.gateway.diagnosis.internal.ProbeAnswer.SubscriberView;
import io.reroute.gateway.dns.DnsDecisions;
import io.reroute.gateway.dns.DnsOutcome;
import io.reroute.gateway.dns.DnsProperties;
import io.reroute.gateway.radius.RadiusReplies;
import io.reroute.gateway.radius.RadiusReply;
import io.reroute.gateway.radius.RadiusSession;
import io.reroute.gateway.radius.RadiusSessions;
import io.reroute.gateway.router.RestrictedLists;
import io.reroute.gateway.router.RouterListing;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.state.Subscriber;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What this gateway does for one subscriber right now, from what it holds in memory: the record it
 * enforces, the DNS redirector's decision for the subscriber's address (the redirector's own rule,
 * {@link DnsDecisions}), the routers' restricted lists as last read, and the last RADIUS answer.
 * Only ever about a subscriber of the workspace asked about.
 */
@Component
class SubscriberDiagnosis {

    private final RegionState state;
    private final DnsDecisions dns;
    private final boolean dnsServed;
    private final RadiusSessions sessions;
    private final RadiusReplies replies;
    private final RestrictedLists lists;
    private final Clock clock;
    private final String region;
    private final String instance;

    SubscriberDiagnosis(
            RegionState state,
            DnsDecisions dns,
            DnsProperties dnsProperties,
            RadiusSessions sessions,
            RadiusReplies replies,
            RestrictedLists lists,
            Clock clock,
            GatewayProperties gateway,
            GatewayInstance instance) {
        this.state = state;
        this.dns = dns;
        this.dnsServed = dnsProperties.enabled();
        this.sessions = sessions;
        this.replies = replies;
        this.lists = lists;
        this.clock = clock;
        this.region = gateway.region();
        this.instance = instance.id();
    }

    ProbeAnswer answer(ProbeRequest request) {
        Subscriber subscriber = state.subscriber(request.subscriberId())
                .filter(s -> s.workspaceId().equals(request.workspace()))
                .orElse(null);
        if (subscriber == null) {
            return new ProbeAnswer(
                    request.requestId(),
                    instance,
                    region,
                    clock.millis(),
                    state.loaded(),
                    request.workspace(),
                    request.subscriberId(),
                    null,
                    null,
                    null,
                    null);
        }
        Set<String> ipv4 = ipv4Addresses(subscriber);
        return new ProbeAnswer(
                request.requestId(),
                instance,
                region,
                clock.millis(),
                state.loaded(),
                request.workspace(),
                request.subscriberId(),
                new SubscriberView(
                        subscriber.state(),
                        subscriber.version(),
                        subscriber.profileVersion(),
                        subscriber.redirected(),
                        subscriber.throttled()),
                dns(subscriber, ipv4, request.name()),
                routers(subscriber, ipv4),
                replies.last(subscriber.workspaceId(), subscriber.subscriberId())
                        .map(SubscriberDiagnosis::radius)
                        .orElse(null));
    }

    /** The static address, then the addresses of open sessions, as accounting reported them. */
    private Set<String> ipv4Addresses(Subscriber subscriber) {
        var addresses = new LinkedHashSet<String>();
        if (subscriber.staticIpv4() != null) {
            addresses.add(subscriber.staticIpv4());
        }
        for (RadiusSession session : sessions.open(subscriber.workspaceId(), subscriber.subscriberId())) {
            if (session.framedIpv4() != null) {
                addresses.add(session.framedIpv4());
            }
        }
        return addresses;
    }

    private DnsView dns(Subscriber subscriber, Set<String> ipv4, String name) {
        InetAddress source = source(subscriber, ipv4);
        if (source == null) {
            return new DnsView(name, null, "NO_ADDRESS", null, null, false, dnsServed);
        }
        var verdict = dns.decide(source, name);
        boolean own = subscriber.subscriberId().equals(verdict.subscriberId());
        boolean redirected = verdict.outcome() == DnsOutcome.REDIRECTED;
        return new DnsView(
                name,
                NetUtil.toAddressString(source),
                verdict.outcome().name(),
                redirected && verdict.landingIpv4() != null ? NetUtil.toAddressString(verdict.landingIpv4()) : null,
                redirected && verdict.landingIpv6() != null ? NetUtil.toAddressString(verdict.landingIpv6()) : null,
                own,
                dnsServed);
    }

    /** The address the subscriber's queries come from: IPv4 first, then its IPv6 address or prefix. */
    private static InetAddress source(Subscriber subscriber, Set<String> ipv4) {
        var candidates = new ArrayList<>(ipv4);
        if (subscriber.staticIpv6() != null) {
            candidates.add(subscriber.staticIpv6());
        }
        if (subscriber.delegatedPrefix() != null) {
            // Any address inside the prefix is the subscriber's; its first one will do.
            candidates.add(subscriber
                    .delegatedPrefix()
                    .substring(0, subscriber.delegatedPrefix().indexOf('/')));
        }
        for (String candidate : candidates) {
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(candidate);
            if (bytes != null) {
                try {
                    return InetAddress.getByAddress(bytes);
                } catch (UnknownHostException e) {
                    // Not an address after all: try the next.
                }
            }
        }
        return null;
    }

    private List<RouterView> routers(Subscriber subscriber, Set<String> ipv4) {
        return lists.membership(subscriber.workspaceId(), subscriber.subscriberId(), ipv4).stream()
                .map(SubscriberDiagnosis::router)
                .toList();
    }

    private static RouterView router(RouterListing listing) {
        return new RouterView(
                listing.routerId(),
                listing.routerName(),
                listing.addressList(),
                listing.membership().name(),
                listing.seenAt() == null ? null : listing.seenAt().toEpochMilli(),
                listing.address());
    }

    private static RadiusView radius(RadiusReply reply) {
        return new RadiusView(
                reply.code(),
                reply.at().toEpochMilli(),
                reply.nasId(),
                reply.nasName(),
                reply.framedIpAddress(),
                reply.framedPool(),
                reply.addressList(),
                reply.rateLimit(),
                reply.totalLimitOctets(),
                reply.filterId(),
                reply.replyMessage());
    }
}
