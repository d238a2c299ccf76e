package io.reroute.platform.enforcement.internal;

import io.reroute.platform.tenancy.WorkspaceId;
import java.util.List;
import reactor.core.publisher.Mono;

/** Where the relay sends events; the stream entry id of each event, in order. */
interface OutboxPublisher {

    Mono<List<String>> publish(WorkspaceId workspace, String region, List<OutboxEvent> events);
}
