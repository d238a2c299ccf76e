package io.reroute.gateway.router;

import java.time.Instant;
import java.util.UUID;

/**
 * Whether a subscriber was on a router's restricted address list when this gateway last read the
 * list (reconciling the router, whose own fixes count; or putting a session on it or off it).
 *
 * @param addressList the list's name as read; null when never read
 * @param seenAt when the list was read; null when never read by this gateway
 * @param address the subscriber's address found on the list, when listed by address
 */
public record RouterListing(
        UUID routerId, String routerName, String addressList, Membership membership, Instant seenAt, String address) {

    public enum Membership {
        LISTED,
        NOT_LISTED,
        /** This gateway has not read the list (another replica reconciles the router), or knows no address of the subscriber. */
        UNKNOWN
    }
}
