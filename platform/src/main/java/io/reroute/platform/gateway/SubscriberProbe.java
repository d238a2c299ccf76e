package io.reroute.platform.gateway;

import io.reroute.platform.tenancy.WorkspaceId;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Asks a region's gateways what each of them does for one subscriber right now: the record it
 * enforces, what its DNS redirector answers the subscriber, the subscriber on the workspace's
 * routers' restricted lists as last read, and the last RADIUS answer sent. Request and answers go
 * through Redis ({@code reroute:region:<region>:probes}, {@code reroute:probe-reply:<id>}); answers
 * are collected until every gateway that heard the request (at least every healthy one) answered,
 * or {@code reroute.gateways.probe-timeout} (1.5 s) passed, without blocking. Gateways answer only
 * about a subscriber of the workspace named: another workspace's subscriber gets answers that know
 * nothing ({@link ProbeReply#knowsSubscriber()} false), exactly like one that does not exist.
 */
public interface SubscriberProbe {

    /** The name whose DNS answer is asked about when none is given. */
    String DEFAULT_NAME = "example.com";

    /** {@link #probe(WorkspaceId, String, UUID, String)} for {@link #DEFAULT_NAME}. */
    Mono<List<ProbeReply>> probe(WorkspaceId workspace, String region, UUID subscriberId);

    /**
     * The answers of the region's gateways, by instance name; empty when none answered in time.
     * Fails with {@link IllegalArgumentException} for a region or host name that is no such thing.
     */
    Mono<List<ProbeReply>> probe(WorkspaceId workspace, String region, UUID subscriberId, String name);
}
