package io.reroute.platform.nas;

import java.time.Instant;
import java.util.UUID;

/**
 * A NAS (a router terminating PPPoE, say) allowed to send RADIUS requests to the workspace's
 * gateways, matched on its source address; its shared secret is never shown again.
 *
 * @param coaPort where it listens for CoA and Disconnect requests (RFC 5176; 3799 by default)
 * @param requireMessageAuthenticator whether Access-Requests without a Message-Authenticator are
 *     dropped (the BlastRADIUS mitigation); turn off only for devices that cannot send one
 */
public record NasClient(
        UUID id,
        String name,
        String address,
        int coaPort,
        NasVendor vendor,
        boolean requireMessageAuthenticator,
        Instant createdAt,
        Instant updatedAt) {}
