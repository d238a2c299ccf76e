package io.reroute.platform.router;

import io.reroute.routeros.RouterRole;
import java.time.Instant;
import java.util.UUID;

/**
 * A MikroTik router the workspace's gateways configure over the RouterOS API; its password is
 * never shown again.
 *
 * @param region the workspace's region: its gateways are the ones that reach the router
 * @param nasId the NAS client this router is, when it terminates sessions itself
 * @param status what the gateways last found on it
 */
public record Router(
        UUID id,
        String name,
        String host,
        int port,
        boolean tls,
        String username,
        RouterRole role,
        UUID nasId,
        String region,
        Instant createdAt,
        Instant updatedAt,
        Status status) {

    /**
     * @param identity the router's {@code /system identity} name
     * @param routerOsVersion such as {@code 7.16.2 (stable)}
     * @param lastContactAt when a gateway last reached it
     * @param lastError why the last job or reconciliation failed, null after one succeeded
     * @param reconciledAt when it was last reconciled
     */
    public record Status(
            String identity, String routerOsVersion, Instant lastContactAt, String lastError, Instant reconciledAt) {}
}
