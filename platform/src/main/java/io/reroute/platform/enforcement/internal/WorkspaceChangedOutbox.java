package io.reroute.platform.enforcement.internal;

import io.reroute.platform.enforcement.WorkspaceChangedEvent;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.workspace.GatewayViewChanges;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts a {@code workspace.changed} event with the workspace's new gateway view in the outbox, in the
 * changing transaction; the relay takes it to the region's stream like any subscriber event.
 */
@Component
class WorkspaceChangedOutbox implements GatewayViewChanges {

    private final GatewayWorkspaces gatewayWorkspaces;
    private final EnforcementRepository repository;
    private final Clock clock;

    WorkspaceChangedOutbox(GatewayWorkspaces gatewayWorkspaces, EnforcementRepository repository, Clock clock) {
        this.gatewayWorkspaces = gatewayWorkspaces;
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public Mono<Void> lock(WorkspaceId workspace) {
        return repository.lockGatewayView(workspace);
    }

    @Override
    public Mono<Void> changed(WorkspaceId workspace) {
        return gatewayWorkspaces.find(workspace).flatMap(view -> {
            var event = new WorkspaceChangedEvent(view, clock.instant());
            return repository.recordWorkspaceEvent(workspace, WorkspaceChangedEvent.TYPE, event, event.occurredAt());
        });
    }
}
