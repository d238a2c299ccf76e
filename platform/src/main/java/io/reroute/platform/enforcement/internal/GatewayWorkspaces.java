package io.reroute.platform.enforcement.internal;

import io.reroute.platform.allowlist.AllowlistEntry;
import io.reroute.platform.allowlist.Allowlists;
import io.reroute.platform.crypto.RegionSeals;
import io.reroute.platform.enforcement.GatewayWorkspace;
import io.reroute.platform.nas.GatewayNasClient;
import io.reroute.platform.nas.NasClients;
import io.reroute.platform.router.GatewayRouter;
import io.reroute.platform.router.Routers;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.workspace.Workspaces;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A workspace as gateways see it, read inside the caller's workspace transaction. */
@Component
class GatewayWorkspaces {

    private final Workspaces workspaces;
    private final Allowlists allowlists;
    private final NasClients nasClients;
    private final Routers routers;
    private final RegionSeals seals;

    GatewayWorkspaces(
            Workspaces workspaces, Allowlists allowlists, NasClients nasClients, Routers routers, RegionSeals seals) {
        this.workspaces = workspaces;
        this.allowlists = allowlists;
        this.nasClients = nasClients;
        this.routers = routers;
        this.seals = seals;
    }

    Mono<GatewayWorkspace> find(WorkspaceId workspace) {
        return Mono.zip(
                        workspaces.settings(workspace),
                        allowlists.entries(workspace).map(AllowlistEntry::value).collectList(),
                        workspaces.find(workspace).flatMap(w -> sealed(workspace, w.region())))
                .map(t -> {
                    var settings = t.getT1();
                    var landing = settings.landing();
                    return new GatewayWorkspace(
                            workspace,
                            settings.reminderHost(),
                            landing == null ? null : landing.ipv4(),
                            landing == null ? null : landing.ipv6(),
                            t.getT2(),
                            settings.radius(),
                            t.getT3().nasClients(),
                            t.getT3().routers());
                });
    }

    /** The NAS clients and routers, with their secrets sealed for the region (none without its key). */
    private Mono<Sealed> sealed(WorkspaceId workspace, String region) {
        return seals.forRegion(region)
                .map(seal -> Mono.zip(
                        nasClients.forGateways(workspace, seal).collectList(),
                        routers.forGateways(workspace, seal).collectList(),
                        Sealed::new))
                .orElse(Mono.just(new Sealed(List.of(), List.of())));
    }

    private record Sealed(List<GatewayNasClient> nasClients, List<GatewayRouter> routers) {}
}
