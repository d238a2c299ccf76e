package io.reroute.platform.workspace;

import io.reroute.platform.tenancy.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * Told, inside the transaction that made the change, that a workspace's part of what gateways
 * enforce changed: its reminder host, landing addresses, allowlist, RADIUS profile or NAS clients. Gateways then hear of it with
 * the same commit, not at their next snapshot.
 */
public interface GatewayViewChanges {

    /**
     * Serializes the writers of one workspace's gateway view until the transaction ends, so that
     * gateways hear its changes in the order they were made. Take it before reading what to change.
     */
    Mono<Void> lock(WorkspaceId workspace);

    Mono<Void> changed(WorkspaceId workspace);
}
