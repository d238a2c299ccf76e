package io.reroute.gateway.state;

import java.net.InetAddress;
import java.util.UUID;

/** What the gateway needs of a workspace to redirect its subscribers; landing addresses may be null. */
public record Workspace(
        UUID id, String reminderHost, InetAddress landingIpv4, InetAddress landingIpv6, Allowlist allowlist) {

    /** Whether a redirected subscriber of this workspace may resolve {@code name} for real. */
    public boolean reachable(String name) {
        return name.equals(reminderHost) || allowlist.allows(name);
    }
}
