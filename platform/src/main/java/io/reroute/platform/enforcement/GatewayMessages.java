package io.reroute.platform.enforcement;

import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Sends the gateways of a workspace's region a message through the outbox, in the caller's
 * transaction: they hear it right after the commit, in the workspace's order, or never if the
 * transaction rolls back.
 */
public interface GatewayMessages {

    /**
     * @param type the stream entry's {@code type}
     * @param event serialized as JSON into the entry's {@code event}
     */
    Mono<Void> send(WorkspaceId workspace, String type, Object event, Instant at);

    /** Tells the gateways subscribers' remaining data, in one statement however many. */
    Mono<Void> sendQuotas(WorkspaceId workspace, List<SubscriberQuotaEvent> quotas);
}
