package io.reroute.gateway.radius.internal;

import io.reroute.gateway.GatewayProperties;
import io.reroute.gateway.state.NasClient;
import io.reroute.gateway.state.Subscriber;
import io.reroute.gateway.sync.SyncProperties;
import io.reroute.seal.RegionSeal;
import io.reroute.seal.SealContexts;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens the secrets the platform sealed for this region: NAS shared secrets (kept open in memory,
 * there are few) and PPPoE passwords (opened for each login, never kept).
 */
@Component
class RadiusSecrets {

    private static final Logger log = LoggerFactory.getLogger(RadiusSecrets.class);
    private static final int MAX_CACHED_NAS_SECRETS = 10_000;

    private final RegionSeal seal;
    /** Opened NAS secrets by their sealed text, which changes whenever the secret does. */
    private final Map<String, String> nasSecrets = new ConcurrentHashMap<>();

    RadiusSecrets(GatewayProperties gateway, SyncProperties sync) {
        this.seal = sync.regionSeal(gateway.region()).orElse(null);
        if (seal == null) {
            log.warn("No gateway secret (REROUTE_GATEWAY_SECRET): RADIUS cannot open NAS secrets and answers nobody");
        }
    }

    /** The NAS's shared secret; empty when it does not open here (another region's, or tampered). */
    Optional<String> nasSecret(NasClient nas) {
        if (seal == null || nas.sealedSecret() == null) {
            return Optional.empty();
        }
        String open = nasSecrets.get(nas.sealedSecret());
        if (open != null) {
            return Optional.of(open);
        }
        try {
            open = seal.open(nas.sealedSecret(), SealContexts.nasSecret(nas.workspaceId(), nas.id()));
        } catch (RegionSeal.SealException e) {
            log.warn("The shared secret of {} does not open: {}", nas, e.getMessage());
            return Optional.empty();
        }
        if (nasSecrets.size() >= MAX_CACHED_NAS_SECRETS) {
            nasSecrets.clear();
        }
        nasSecrets.put(nas.sealedSecret(), open);
        return Optional.of(open);
    }

    /** The subscriber's PPPoE password; empty without one or when it does not open here. */
    Optional<String> password(Subscriber subscriber) {
        if (seal == null || subscriber.pppoePassword() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(seal.open(
                    subscriber.pppoePassword(),
                    SealContexts.pppoePassword(subscriber.workspaceId(), subscriber.subscriberId())));
        } catch (RegionSeal.SealException e) {
            log.warn(
                    "The PPPoE password of subscriber {} does not open: {}", subscriber.subscriberId(), e.getMessage());
            return Optional.empty();
        }
    }
}
