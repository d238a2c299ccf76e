package io.reroute.platform.nas.internal;

import io.reroute.platform.crypto.SecretCipher;
import io.reroute.platform.nas.GatewayNasClient;
import io.reroute.platform.nas.NasClient;
import io.reroute.platform.nas.NasClients;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.seal.RegionSeal;
import io.reroute.seal.SealContexts;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** NAS clients for other features: lookups, and the gateways' view with each secret resealed for the region. */
@Component
class GatewayNasClients implements NasClients {

    private final NasClientRepository repository;
    private final SecretCipher cipher;

    GatewayNasClients(NasClientRepository repository, SecretCipher cipher) {
        this.repository = repository;
        this.cipher = cipher;
    }

    @Override
    public Mono<NasClient> find(WorkspaceId workspace, UUID nas) {
        return repository.find(workspace, nas);
    }

    @Override
    public Flux<GatewayNasClient> forGateways(WorkspaceId workspace, RegionSeal seal) {
        return repository.withSecrets(workspace).map(stored -> {
            var nas = stored.client();
            return new GatewayNasClient(
                    nas.id(),
                    nas.name(),
                    nas.address(),
                    cipher.resealForRegion(
                            stored.sealedSecret(),
                            NasClientRepository.secretContext(workspace, nas.id()),
                            seal,
                            SealContexts.nasSecret(workspace.value(), nas.id())),
                    nas.coaPort(),
                    nas.vendor(),
                    nas.requireMessageAuthenticator());
        });
    }
}
