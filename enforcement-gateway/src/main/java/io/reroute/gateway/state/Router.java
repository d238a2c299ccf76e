package io.reroute.gateway.state;

import java.util.UUID;

/**
 * A MikroTik router of a workspace the gateways configure over the RouterOS API; its password as
 * the platform sealed it for this region (opened only in memory, when a session is opened).
 *
 * @param role {@code ACCESS} (terminates sessions, gets the PPP expired profile) or {@code EDGE}
 * @param nasId the NAS client this router is, or null
 */
public record Router(
        UUID id,
        UUID workspaceId,
        String name,
        String host,
        int port,
        boolean tls,
        String username,
        String sealedPassword,
        String role,
        UUID nasId) {

    @Override
    public String toString() {
        return "Router[" + name + " " + host + ":" + port + ", workspace " + workspaceId + "]";
    }
}
