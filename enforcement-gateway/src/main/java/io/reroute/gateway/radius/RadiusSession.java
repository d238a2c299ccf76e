package io.reroute.gateway.radius;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscriber's session on a NAS as accounting reports it; keyed by NAS and Acct-Session-Id, never
 * shared across workspaces (two workspaces may hand out the same private addresses).
 *
 * @param subscriberId null when the NAS reports a user this workspace does not know
 * @param inputOctets from the subscriber, Acct-Input-Gigawords folded in (64 bits)
 * @param outputOctets to the subscriber, Acct-Output-Gigawords folded in (64 bits)
 * @param stoppedAt null while open
 */
public record RadiusSession(
        UUID workspaceId,
        UUID nasId,
        String sessionId,
        String username,
        UUID subscriberId,
        String framedIpv4,
        Instant startedAt,
        Instant updatedAt,
        long inputOctets,
        long outputOctets,
        long sessionSeconds,
        Instant stoppedAt,
        String terminateCause) {

    public boolean open() {
        return stoppedAt == null;
    }
}
