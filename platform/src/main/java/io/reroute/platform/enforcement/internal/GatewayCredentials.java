package io.reroute.platform.enforcement.internal;

import io.reroute.platform.crypto.RegionSeals;
import io.reroute.platform.crypto.SecretCipher;
import io.reroute.platform.subscriber.Subscribers;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.seal.SealContexts;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reseals a subscriber's PPPoE password from the platform's key to the key of its region's gateways. */
@Component
class GatewayCredentials {

    private final SecretCipher cipher;
    private final RegionSeals seals;

    GatewayCredentials(SecretCipher cipher, RegionSeals seals) {
        this.cipher = cipher;
        this.seals = seals;
    }

    /** Null without a password, or when the region has no gateway credential to seal it for. */
    String pppoePassword(WorkspaceId workspace, UUID subscriber, String region, String sealedPassword) {
        if (sealedPassword == null) {
            return null;
        }
        var seal = seals.forRegion(region);
        if (seal.isEmpty()) {
            return null;
        }
        return cipher.resealForRegion(
                sealedPassword,
                Subscribers.pppoePasswordContext(workspace, subscriber),
                seal.get(),
                SealContexts.pppoePassword(workspace.value(), subscriber));
    }
}
