package io.reroute.platform.nas;

import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.seal.RegionSeal;
import reactor.core.publisher.Flux;

/** NAS clients for other features; reads run in the caller's workspace transaction. */
public interface NasClients {

    /** The workspace's NAS clients with their secrets sealed for its region's gateways. */
    Flux<GatewayNasClient> forGateways(WorkspaceId workspace, RegionSeal seal);
}
