package io.reroute.platform.nas;

import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.seal.RegionSeal;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** NAS clients for other features; reads run in the caller's workspace transaction. */
public interface NasClients {

    /** One of the workspace's NAS clients; empty when it has none with that id. */
    Mono<NasClient> find(WorkspaceId workspace, UUID nas);

    /** The workspace's NAS clients with their secrets sealed for its region's gateways. */
    Flux<GatewayNasClient> forGateways(WorkspaceId workspace, RegionSeal seal);
}
