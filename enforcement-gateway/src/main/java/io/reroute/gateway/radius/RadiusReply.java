package io.reroute.gateway.radius;

import java.time.Instant;
import java.util.UUID;

/**
 * The last answer this gateway sent a subscriber's Access-Request, as sent: its code and the
 * attributes that decide where the subscriber lands. Null fields were not in the answer.
 *
 * @param code {@code Access-Accept} or {@code Access-Reject}
 * @param addressList Mikrotik-Address-List: the restricted list the router redirects
 * @param rateLimit Mikrotik-Rate-Limit, {@code rx/tx}
 * @param totalLimitOctets Mikrotik-Total-Limit with its gigawords: the data the session may use
 * @param filterId Filter-Id: the restricted list, for NAS clients that are no MikroTik
 */
public record RadiusReply(
        String code,
        Instant at,
        UUID nasId,
        String nasName,
        String framedIpAddress,
        String framedPool,
        String addressList,
        String rateLimit,
        Long totalLimitOctets,
        String filterId,
        String replyMessage) {}
