package io.reroute.gateway.radius.internal;

import io.reroute.gateway.radius.RadiusSession;
import io.reroute.gateway.state.NasClient;
import io.reroute.gateway.state.RadiusProfile;
import io.reroute.gateway.state.Subscriber;
import java.util.ArrayList;
import java.util.List;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.attribute.type.VendorSpecificAttribute;
import org.tinyradius.core.dictionary.Dictionary;

/**
 * What an authenticated subscriber is accepted with. In good standing: the plan's rate limit and
 * their static addresses. Restricted (blocked, suspended, capped): the workspace's expired profile,
 * which puts them on the address list the router redirects, at its slow rate and, without a static
 * IPv4 address, in its pool; never a reject, so that they reach the portal and pay. Either way the
 * Class attribute carries the binding ({@code reroute:<workspace>:<subscriber>}), which the NAS
 * echoes in accounting. MikroTik attributes go to MikroTik NAS clients only; others get the address
 * list as Filter-Id.
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
    private static final int MIKROTIK_ADDRESS_LIST = 19;

    /** The same words for an unknown user and a wrong password: a reject tells nobody which it was. */
    static final String REJECT_MESSAGE = "Wrong user name or password";

    private final Dictionary dictionary;

    AccessPolicy(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    static String classOf(Subscriber subscriber) {
        return "reroute:" + subscriber.workspaceId() + ":" + subscriber.subscriberId();
    }

    List<RadiusAttribute> reject(String message) {
        return List.of(dictionary.createAttribute(-1, REPLY_MESSAGE, message));
    }

    /**
     * What identifies an open session to its NAS in a CoA- or Disconnect-Request (RFC 5176 §3):
     * the user, the session id and, when known, the address.
     */
    List<RadiusAttribute> session(RadiusSession session) {
        var attributes = new ArrayList<RadiusAttribute>();
        if (session.username() != null) {
            attributes.add(dictionary.createAttribute(-1, USER_NAME, session.username()));
        }
        attributes.add(dictionary.createAttribute(-1, ACCT_SESSION_ID, session.sessionId()));
        if (session.framedIpv4() != null) {
            attributes.add(dictionary.createAttribute(-1, FRAMED_IP_ADDRESS, session.framedIpv4()));
        }
        return attributes;
    }

    /**
     * A CoA-Request moving an open session to the subscriber's standing: into the expired profile
     * (its address list and slow rate), or back to the plan's rate.
     */
    List<RadiusAttribute> change(NasClient nas, RadiusProfile profile, Subscriber subscriber, RadiusSession session) {
        var attributes = session(session);
        boolean restricted = subscriber.redirected();
        String rateLimit = restricted ? profile.restrictedRateLimit() : subscriber.rateLimit();
        if (nas.mikrotik()) {
            var vendor = new ArrayList<RadiusAttribute>();
            if (rateLimit != null) {
                vendor.add(dictionary.createAttribute(RadiusDictionary.MIKROTIK, MIKROTIK_RATE_LIMIT, rateLimit));
            }
            if (restricted) {
                vendor.add(dictionary.createAttribute(
                        RadiusDictionary.MIKROTIK, MIKROTIK_ADDRESS_LIST, profile.restrictedAddressList()));
            }
            if (!vendor.isEmpty()) {
                attributes.add(new VendorSpecificAttribute(dictionary, RadiusDictionary.MIKROTIK, vendor));
            }
        } else if (restricted) {
            attributes.add(dictionary.createAttribute(-1, FILTER_ID, profile.restrictedAddressList()));
        }
        return attributes;
    }

    List<RadiusAttribute> accept(NasClient nas, RadiusProfile profile, Subscriber subscriber) {
        var attributes = new ArrayList<RadiusAttribute>();
        var vendor = new ArrayList<RadiusAttribute>();
        boolean restricted = subscriber.redirected();
        if (subscriber.staticIpv4() != null) {
            attributes.add(dictionary.createAttribute(-1, FRAMED_IP_ADDRESS, subscriber.staticIpv4()));
        } else if (restricted && profile.restrictedPool() != null) {
            attributes.add(dictionary.createAttribute(-1, FRAMED_POOL, profile.restrictedPool()));
        }
        if (subscriber.staticIpv6() != null) {
            attributes.add(dictionary.createAttribute(-1, FRAMED_IPV6_ADDRESS, subscriber.staticIpv6()));
        }
        if (subscriber.delegatedPrefix() != null) {
            attributes.add(dictionary.createAttribute(-1, DELEGATED_IPV6_PREFIX, subscriber.delegatedPrefix()));
        }
        attributes.add(dictionary.createAttribute(
                -1, ACCT_INTERIM_INTERVAL, Integer.toString(profile.interimIntervalSeconds())));
        attributes.add(dictionary.createAttribute(-1, CLASS, classOf(subscriber)));
        String rateLimit = restricted ? profile.restrictedRateLimit() : subscriber.rateLimit();
        if (nas.mikrotik()) {
            if (rateLimit != null) {
                vendor.add(dictionary.createAttribute(RadiusDictionary.MIKROTIK, MIKROTIK_RATE_LIMIT, rateLimit));
            }
            if (restricted) {
                vendor.add(dictionary.createAttribute(
                        RadiusDictionary.MIKROTIK, MIKROTIK_ADDRESS_LIST, profile.restrictedAddressList()));
            }
        } else if (restricted) {
            attributes.add(dictionary.createAttribute(-1, FILTER_ID, profile.restrictedAddressList()));
        }
        if (!vendor.isEmpty()) {
            attributes.add(new VendorSpecificAttribute(dictionary, RadiusDictionary.MIKROTIK, vendor));
        }
        return attributes;
    }
}
