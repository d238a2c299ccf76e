package io.reroute.platform.workspace;

import io.reroute.platform.tenancy.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * Told, inside the transaction that made the change, that a workspace's part of what gateways
 * enforce changed: its reminder host, landing addresses or allowlist. Gateways then hear of it with
 * the same commit, not at their next snapshot.
 */
public interface GatewayViewChanges {

    Mono<Void> changed(WorkspaceId workspace);
}
