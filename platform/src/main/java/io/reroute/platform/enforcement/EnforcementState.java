package io.reroute.platform.enforcement;

import io.reroute.platform.tenancy.WorkspaceId;
import java.util.UUID;

/**
 * What a gateway needs to enforce one subscriber without asking the platform anything: who they
 * are on the network, where they stand and at which version. Carried by region snapshots and by
 * every state-changed event; a gateway keeps the highest version it has seen per subscriber.
 *
 * <p>{@code profileVersion} counts the changes that are not state changes (credentials, plan); a
 * subscriber's (version, profileVersion) pairs only ever grow together, so a gateway compares them
 * in that order. {@code pppoePassword} is sealed for the region's gateways ({@code RegionSeal});
 * {@code rateLimit} is the plan's speed as a MikroTik rate limit, {@code upload/download} (the
 * throttle speed while capped on a throttling plan). {@code capAction} is null on plans without a
 * data cap; a {@code CAPPED} subscriber with {@code THROTTLE} stays online. {@code dataRemaining} is
 * what the subscriber had left when gateways were last told (null: unlimited or not known yet).
 */
public record EnforcementState(
        WorkspaceId workspaceId,
        UUID subscriberId,
        String accountNumber,
        long version,
        SubscriberState state,
        String pppoeUsername,
        String staticIpv4,
        String staticIpv6,
        String delegatedPrefix,
        UUID nasId,
        long profileVersion,
        String pppoePassword,
        String rateLimit,
        String capAction,
        Long dataRemaining) {

    @Override
    public String toString() {
        return "EnforcementState[" + workspaceId + "/" + subscriberId + ", " + state + " v" + version + "/p"
                + profileVersion + ", password hidden]";
    }
}
