package io.reroute.platform.enforcement.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay ({@code reroute.outbox.*}).
 *
 * @param relayEnabled whether this replica relays (every replica may; they take turns per workspace)
 * @param batchSize events per relay transaction
 * @param streamMaxLength entries a region stream keeps (approximately); a gateway further behind
 *     bootstraps again from the snapshot
 * @param retention how long published events stay in the outbox table
 */
@ConfigurationProperties("reroute.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("1000000") long streamMaxLength,
        @DefaultValue("7d") Duration retention) {}
