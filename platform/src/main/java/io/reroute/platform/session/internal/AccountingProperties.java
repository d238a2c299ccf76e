package io.reroute.platform.session.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The accounting consumer ({@code reroute.accounting.*}).
 *
 * @param consumerEnabled whether this replica reads the accounting streams (every replica may: they
 *     share each stream through one consumer group)
 * @param batchSize entries per read, applied in one transaction per workspace
 * @param readBlock how long a read waits for new entries; below the Redis command timeout
 *     ({@code spring.data.redis.timeout}, 2 s), which bounds a blocking read too
 * @param claimIdle how long an entry delivered to another replica may stay unacknowledged before
 *     this replica takes it over (that replica is taken for dead)
 * @param retention how long stopped sessions are kept
 */
@ConfigurationProperties("reroute.accounting")
public record AccountingProperties(
        @DefaultValue("true") boolean consumerEnabled,
        @DefaultValue("500") int batchSize,
        @DefaultValue("1s") Duration readBlock,
        @DefaultValue("1m") Duration claimIdle,
        @DefaultValue("180d") Duration retention) {}
