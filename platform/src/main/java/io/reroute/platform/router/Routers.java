package io.reroute.platform.router;

import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.seal.RegionSeal;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Routers for other features; every call runs in the caller's workspace transaction. */
public interface Routers {

    /** The workspace's routers with their passwords sealed for its region's gateways. */
    Flux<GatewayRouter> forGateways(WorkspaceId workspace, RegionSeal seal);

    /** Records a gateway's report; false when the workspace has no such router (any more). */
    Mono<Boolean> record(WorkspaceId workspace, RouterReport report);
}
