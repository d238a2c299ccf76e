package io.reroute.platform.enforcement;

import io.reroute.platform.tenancy.WorkspaceId;
import java.util.UUID;

/**
 * What a gateway needs to enforce one subscriber without asking the platform anything: who they
 * are on the network, where they stand and at which version. Carried by region snapshots and by
 * every state-changed event; a gateway keeps the highest version it has seen per subscriber.
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
        UUID nasId) {}
