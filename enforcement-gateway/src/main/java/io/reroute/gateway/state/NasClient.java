package io.reroute.gateway.state;

import java.net.InetAddress;
import java.util.UUID;

/**
 * A NAS allowed to send this region's gateways RADIUS requests, matched on its source address; its
 * shared secret as the platform sealed it for this region (opened only in memory, when needed).
 */
public record NasClient(
        UUID id,
        UUID workspaceId,
        String name,
        InetAddress address,
        String sealedSecret,
        int coaPort,
        String vendor,
        boolean requireMessageAuthenticator) {

    public boolean mikrotik() {
        return "MIKROTIK".equals(vendor);
    }

    @Override
    public String toString() {
        return "NasClient[" + name + " " + address.getHostAddress() + ", workspace " + workspaceId + "]";
    }
}
