package io.reroute.platform.gateway.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform judges and asks the enforcement gateways ({@code reroute.gateways.*}).
 *
 * @param seenWithin a gateway not heard of for this long is unhealthy (gateways report every 5 s)
 * @param maxStreamLag a gateway this far behind its region stream is unhealthy
 * @param maxStaleness a gateway the region stream has not answered for this long is unhealthy
 * @param forgetAfter a gateway not heard of for this long is removed from its region's hash
 * @param probeTimeout how long a subscriber probe waits for the gateways' answers
 */
@ConfigurationProperties("reroute.gateways")
public record GatewaysProperties(
        @DefaultValue("30s") Duration seenWithin,
        @DefaultValue("10s") Duration maxStreamLag,
        @DefaultValue("30s") Duration maxStaleness,
        @DefaultValue("1d") Duration forgetAfter,
        @DefaultValue("1500ms") Duration probeTimeout) {}
