package io.reroute.gateway.router;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway works with the workspaces' routers over the RouterOS API.
 *
 * @param enabled whether this gateway takes router jobs and reconciles (all replicas may; one does each)
 * @param connectTimeout to open an API connection
 * @param commandTimeout for one API command
 * @param healthCheckAfter a session idle this long is checked before it is used again
 * @param idleTimeout a session idle this long is closed
 * @param reconcileInterval how often each router is reconciled (by one gateway of the region)
 */
@ConfigurationProperties("reroute.gateway.routers")
public record RouterProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration commandTimeout,
        @DefaultValue("30s") Duration healthCheckAfter,
        @DefaultValue("5m") Duration idleTimeout,
        @DefaultValue("5m") Duration reconcileInterval) {}
