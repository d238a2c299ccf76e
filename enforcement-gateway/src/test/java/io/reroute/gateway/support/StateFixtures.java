package io.reroute.gateway.support;

import io.reroute.gateway.state.Allowlist;
import io.reroute.gateway.state.Subscriber;
import io.reroute.gateway.state.Workspace;
import java.net.InetAddress;
import java.util.UUID;

/** Region state records for tests of the DNS path, which needs no PPPoE logins, RADIUS profile or NAS. */
public final class StateFixtures {

    private StateFixtures() {}

    /** A subscriber at version 1 with a static IPv4 address and no PPPoE login. */
    public static Subscriber subscriber(UUID workspace, String account, String state, String ipv4) {
        return new Subscriber(
                workspace, UUID.randomUUID(), account, 1, state, ipv4, null, null, null, 0, null, null, null, null);
    }

    /** A workspace with the default RADIUS profile and no NAS clients. */
    public static Workspace workspace(
            UUID id, String reminderHost, InetAddress landingIpv4, InetAddress landingIpv6, Allowlist allowlist) {
        return new Workspace(id, reminderHost, landingIpv4, landingIpv6, allowlist, null, null, null);
    }
}
