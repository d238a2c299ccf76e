package io.reroute.platform.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Subscriber mail ({@code reroute.notifications.*}); the SMTP server itself is {@code spring.mail.*}.
 *
 * @param dispatcherEnabled whether this replica sends (every replica may; rows are claimed with SKIP LOCKED)
 * @param fromAddress sender address for workspaces that set none of their own
 * @param batchSize mails claimed per workspace and run
 * @param maxAttempts attempts before a mail is marked FAILED
 * @param retryBackoff wait after the first failed attempt; doubles with every further failure
 * @param lease how long a claimed mail is left alone before another run may try it again (a crash mid-send)
 */
@ConfigurationProperties("reroute.notifications")
public record NotificationProperties(
        @DefaultValue("true") boolean dispatcherEnabled,
        @DefaultValue("noreply@localhost") String fromAddress,
        @DefaultValue("100") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1m") Duration retryBackoff,
        @DefaultValue("5m") Duration lease) {}
