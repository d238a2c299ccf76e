package io.reroute.platform.crypto;

import io.reroute.platform.security.InternalClientsProperties;
import io.reroute.seal.RegionSeal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The seal of each region that has gateway credentials: what the platform seals the secrets a
 * region's gateways need with (NAS shared secrets, PPPoE passwords) before they leave the database.
 */
@Component
public class RegionSeals {

    private static final Logger log = LoggerFactory.getLogger(RegionSeals.class);

    private final Map<String, RegionSeal> byRegion = new HashMap<>();
    private final Set<String> warnedRegions = ConcurrentHashMap.newKeySet();

    RegionSeals(InternalClientsProperties clients) {
        clients.gatewaySecrets().forEach((region, secret) -> byRegion.put(region, RegionSeal.of(region, secret)));
    }

    /**
     * Empty for a region without gateway credentials: no gateway could open what we sealed, so its
     * gateways get no NAS secrets or PPPoE passwords (said once per region in the log).
     */
    public Optional<RegionSeal> forRegion(String region) {
        var seal = byRegion.get(region);
        if (seal == null && warnedRegions.add(region)) {
            log.warn("No gateway credential for region {}: its gateways get no NAS secrets or PPPoE passwords", region);
        }
        return Optional.ofNullable(seal);
    }
}
