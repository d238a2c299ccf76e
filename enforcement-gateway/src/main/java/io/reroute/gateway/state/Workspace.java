package io.reroute.gateway.state;

import java.net.InetAddress;
import java.util.List;
import java.util.UUID;

/**
 * What the gateway needs of a workspace: where to redirect its subscribers (landing addresses may
 * be null), what stays reachable, how to answer RADIUS and for which NAS clients, and which
 * routers to configure.
 */
public record Workspace(
        UUID id,
        String reminderHost,
        InetAddress landingIpv4,
        InetAddress landingIpv6,
        Allowlist allowlist,
        RadiusProfile radius,
        List<NasClient> nasClients,
        List<Router> routers) {

    public Workspace {
        radius = radius == null ? RadiusProfile.DEFAULT : radius;
        nasClients = nasClients == null ? List.of() : List.copyOf(nasClients);
        routers = routers == null ? List.of() : List.copyOf(routers);
    }

    /** Whether a redirected subscriber of this workspace may resolve {@code name} for real. */
    public boolean reachable(String name) {
        return name.equals(reminderHost) || allowlist.allows(name);
    }
}
