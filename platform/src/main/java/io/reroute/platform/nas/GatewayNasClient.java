package io.reroute.platform.nas;

import java.util.UUID;

/** A NAS client as gateways get it: its shared secret sealed for the region's gateways only. */
public record GatewayNasClient(
        UUID id,
        String name,
        String address,
        String sealedSecret,
        int coaPort,
        NasVendor vendor,
        boolean requireMessageAuthenticator) {}
