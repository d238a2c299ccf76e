package io.reroute.platform.session;

import java.time.Instant;
import java.util.UUID;

/**
 * A session on one of the workspace's NAS clients, as accounting reported it.
 *
 * @param subscriberId null when the NAS reported a user the workspace does not know
 * @param inputOctets from the subscriber, 64-bit (gigawords folded in)
 * @param outputOctets to the subscriber, 64-bit (gigawords folded in)
 * @param status {@code ACTIVE} while open and heard of within three interim intervals, {@code
 *     STALE} when open but silent for longer (the NAS may have lost it without telling), {@code
 *     STOPPED} once it ended
 */
public record RadiusSession(
        long id,
        UUID nasId,
        String sessionId,
        UUID subscriberId,
        String username,
        String framedIpv4,
        Instant startedAt,
        Instant updatedAt,
        Instant stoppedAt,
        String terminateCause,
        long inputOctets,
        long outputOctets,
        long sessionSeconds,
        Status status) {

    public enum Status {
        ACTIVE,
        STALE,
        STOPPED
    }
}
