package io.reroute.platform.router;

import java.util.UUID;

/** A router as gateways get it: its API password sealed for the region's gateways only. */
public record GatewayRouter(
        UUID id,
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
        return "GatewayRouter[" + name + " " + host + ":" + port + "]";
    }
}
