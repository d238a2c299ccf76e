package io.reroute.platform.enforcement.internal;

import io.reroute.platform.enforcement.GatewayMessages;
import io.reroute.platform.enforcement.SubscriberQuotaEvent;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class GatewayMessagesOutbox implements GatewayMessages {

    private final EnforcementRepository repository;

    GatewayMessagesOutbox(EnforcementRepository repository) {
        this.repository = repository;
    }

    @Override
    public Mono<Void> send(WorkspaceId workspace, String type, Object event, Instant at) {
        return repository.recordWorkspaceEvent(workspace, type, event, at);
    }

    @Override
    public Mono<Void> sendQuotas(WorkspaceId workspace, List<SubscriberQuotaEvent> quotas) {
        return repository.recordQuotas(workspace, quotas);
    }
}
