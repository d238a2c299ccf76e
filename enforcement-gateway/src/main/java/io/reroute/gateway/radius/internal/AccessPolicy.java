package io.reroute.gateway.radius.internal;

import io.reroute.gateway.radius.RadiusSession;
import io.reroute.gateway.state.NasClient;
import io.reroute.gateway.state.RadiusProfile;
import io.reroute.gateway.state.Subscriber;
import java.util.ArrayList;
import java.util.List;

/**
 * What an authenticated subscriber is accepted with. In good standing: the plan's rate limit and
 * their static addresses. Restricted (blocked, suspended, capped unless the plan throttles): the
 * workspace's expired profile, which puts them on the address list the router redirects, at its
 * slow rate and, without a static IPv4 address, in its pool; never a reject, so that they reach the
 * portal and pay. Either way the Class attribute carries the binding ({@code
 * reroute:<workspace>:<subscriber>}), which the NAS echoes in accounting. MikroTik attributes go to
 * MikroTik NAS clients only; others get the address list as Filter-Id. On a plan that redirects at
 * its data cap, the data left is the session's total limit, so that the router ends the session
 * once it is used even when this gateway is away (a throttling plan keeps the session: its cap is a
 * rate the platform pushes). Attributes come encoded ({@link RadiusAttributes}).
 */
final class AccessPolicy {

    private static final int USER_NAME = 1;
    private static final int FRAMED_IP_ADDRESS = 8;
    private static final int ACCT_SESSION_ID = 44;
    private static final int FILTER_ID = 11;
    private static final int REPLY_MESSAGE = 18;
    private static final int CLASS = 25;
    private static final int ACCT_INTERIM_INTERVAL = 85;
    private static final int FRAMED_POOL = 88;
    private static final int DELEGATED_IPV6_PREFIX = 123;
    private static final int FRAMED_IPV6_ADDRESS = 168;
    private static final int MIKROTIK_RATE_LIMIT = 8;
    private static final int MIKROTIK_TOTAL_LIMIT = 17;
    private static final int MIKROTIK_TOTAL_LIMIT_GIGAWORDS = 18;
    private static final int MIKROTIK_ADDRESS_LIST = 19;

    /** The same words for an unknown user and a wrong password: a reject tells nobody which it was. */
    static final String REJECT_MESSAGE = "Wrong user name or password";

    static String classOf(Subscriber subscriber) {
        return "reroute:" + subscriber.workspaceId() + ":" + subscriber.subscriberId();
    }

    static List<byte[]> reject(String message) {
        return List.of(RadiusAttributes.text(REPLY_MESSAGE, message));
    }

    /**
     * What identifies an open session to its NAS in a CoA- or Disconnect-Request (RFC 5176 §3):
     * the user, the session id and, when known, the address.
     */
    List<byte[]> session(RadiusSession session) {
        var attributes = new ArrayList<byte[]>();
        if (session.username() != null) {
            attributes.add(RadiusAttributes.text(USER_NAME, session.username()));
        }
        attributes.add(RadiusAttributes.text(ACCT_SESSION_ID, session.sessionId()));
        if (session.framedIpv4() != null) {
            attributes.add(RadiusAttributes.address(FRAMED_IP_ADDRESS, session.framedIpv4()));
        }
        return attributes;
    }

    /**
     * A CoA-Request moving an open session to the subscriber's standing: into the expired profile
     * (its address list and slow rate), or back to the plan's rate.
     */
    List<byte[]> change(NasClient nas, RadiusProfile profile, Subscriber subscriber, RadiusSession session) {
        var attributes = session(session);
        boolean restricted = subscriber.redirected();
        String rateLimit = restricted ? profile.restrictedRateLimit() : subscriber.rateLimit();
        if (nas.mikrotik()) {
            var vendor = new ArrayList<byte[]>();
            if (rateLimit != null) {
                vendor.add(RadiusAttributes.text(MIKROTIK_RATE_LIMIT, rateLimit));
            }
            if (restricted) {
                vendor.add(RadiusAttributes.text(MIKROTIK_ADDRESS_LIST, profile.restrictedAddressList()));
            }
            if (!vendor.isEmpty()) {
                attributes.add(RadiusAttributes.vendorSpecific(RadiusDictionary.MIKROTIK, vendor));
            }
        } else if (restricted) {
            attributes.add(RadiusAttributes.text(FILTER_ID, profile.restrictedAddressList()));
        }
        return attributes;
    }

    List<byte[]> accept(NasClient nas, RadiusProfile profile, Subscriber subscriber) {
        var attributes = new ArrayList<byte[]>();
        var vendor = new ArrayList<byte[]>();
        boolean restricted = subscriber.redirected();
        if (subscriber.staticIpv4() != null) {
            attributes.add(RadiusAttributes.address(FRAMED_IP_ADDRESS, subscriber.staticIpv4()));
        } else if (restricted && profile.restrictedPool() != null) {
            attributes.add(RadiusAttributes.text(FRAMED_POOL, profile.restrictedPool()));
        }
        if (subscriber.staticIpv6() != null) {
            attributes.add(RadiusAttributes.address(FRAMED_IPV6_ADDRESS, subscriber.staticIpv6()));
        }
        if (subscriber.delegatedPrefix() != null) {
            attributes.add(RadiusAttributes.ipv6Prefix(DELEGATED_IPV6_PREFIX, subscriber.delegatedPrefix()));
        }
        attributes.add(RadiusAttributes.integer(ACCT_INTERIM_INTERVAL, profile.interimIntervalSeconds()));
        attributes.add(RadiusAttributes.text(CLASS, classOf(subscriber)));
        String rateLimit = restricted ? profile.restrictedRateLimit() : subscriber.rateLimit();
        if (nas.mikrotik()) {
            if (rateLimit != null) {
                vendor.add(RadiusAttributes.text(MIKROTIK_RATE_LIMIT, rateLimit));
            }
            if (restricted) {
                vendor.add(RadiusAttributes.text(MIKROTIK_ADDRESS_LIST, profile.restrictedAddressList()));
            }
            Long remaining = subscriber.dataRemaining();
            if (!restricted && "REDIRECT".equals(subscriber.capAction()) && remaining != null && remaining > 0) {
                // Octets in two 32-bit words, as RouterOS reads them (RFC 2869's gigawords).
                vendor.add(RadiusAttributes.integer(MIKROTIK_TOTAL_LIMIT, remaining & 0xFFFFFFFFL));
                vendor.add(RadiusAttributes.integer(MIKROTIK_TOTAL_LIMIT_GIGAWORDS, remaining >>> 32));
            }
        } else if (restricted) {
            attributes.add(RadiusAttributes.text(FILTER_ID, profile.restrictedAddressList()));
        }
        if (!vendor.isEmpty()) {
            attributes.add(RadiusAttributes.vendorSpecific(RadiusDictionary.MIKROTIK, vendor));
        }
        return attributes;
    }
}
