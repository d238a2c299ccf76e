package io.reroute.platform.router.internal;

import io.reroute.platform.crypto.SecretCipher;
import io.reroute.platform.router.GatewayRouter;
import io.reroute.platform.router.RouterReport;
import io.reroute.platform.router.Routers;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.seal.RegionSeal;
import io.reroute.seal.SealContexts;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Routers for other features: the gateways' view with each password resealed for the region, and their reports. */
@Component
class GatewayRouters implements Routers {

    private final RouterRepository repository;
    private final SecretCipher cipher;

    GatewayRouters(RouterRepository repository, SecretCipher cipher) {
        this.repository = repository;
        this.cipher = cipher;
    }

    @Override
    public Flux<GatewayRouter> forGateways(WorkspaceId workspace, RegionSeal seal) {
        return repository.withPasswords(workspace).map(stored -> {
            var router = stored.router();
            return new GatewayRouter(
                    router.id(),
                    router.name(),
                    router.host(),
                    router.port(),
                    router.tls(),
                    router.username(),
                    cipher.resealForRegion(
                            stored.sealedPassword(),
                            RouterRepository.passwordContext(workspace, router.id()),
                            seal,
                            SealContexts.routerPassword(workspace.value(), router.id())),
                    router.role().name(),
                    router.nasId());
        });
    }

    @Override
    public Mono<Boolean> record(WorkspaceId workspace, RouterReport report) {
        return repository.record(workspace, report);
    }
}
