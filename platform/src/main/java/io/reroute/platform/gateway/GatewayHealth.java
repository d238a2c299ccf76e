package io.reroute.platform.gateway;

import reactor.core.publisher.Flux;

/**
 * The enforcement gateways of a region, from the health each writes to Redis every few seconds
 * ({@code reroute:region:<region>:gateways}). A gateway is healthy when it reported within {@code
 * reroute.gateways.seen-within} (30 s: six missed reports at the gateways' default 5 s), has loaded
 * its region's state, is less than {@code reroute.gateways.max-stream-lag} (10 s) behind the region
 * stream and heard from the stream within {@code reroute.gateways.max-staleness} (30 s). A gateway
 * that stopped cleanly removed itself; one not heard of for {@code reroute.gateways.forget-after}
 * (a day) is removed when read.
 */
public interface GatewayHealth {

    /** The region's gateways, unhealthy ones included, by instance name; none when nobody reported. */
    Flux<GatewayStatus> region(String region);
}
