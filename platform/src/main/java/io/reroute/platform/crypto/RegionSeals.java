package io.reroute.platform.crypto;

import io.reroute.platform.security.InternalClientsProperties;
import io.reroute.seal.RegionSeal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The seal of each region that has gateway credentials: what the platform seals the secrets a
 * region's gateways need with (NAS shared secrets, PPPoE passwords) before they leave the database.
 */
@Component
public class RegionSeals {

    private final Map<String, RegionSeal> byRegion = new HashMap<>();

    RegionSeals(InternalClientsProperties clients) {
        clients.gatewaySecrets().forEach((region, secret) -> byRegion.put(region, RegionSeal.of(region, secret)));
    }

    /** Empty for a region without gateway credentials: no gateway could open what we sealed. */
    public Optional<RegionSeal> forRegion(String region) {
        return Optional.ofNullable(byRegion.get(region));
    }
}
