package io.reroute.platform.notification.internal;

import io.reroute.platform.tenancy.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The development default: logs each SMS instead of sending it, with the number masked and without
 * the signed link (a credential for the subscriber's portal).
 */
final class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public Mono<Void> send(WorkspaceId workspace, OutgoingSms sms) {
        return Mono.fromRunnable(() -> log.info(
                "SMS not sent (reroute.sms.provider=log) for workspace {} to {}: {}",
                workspace,
                PhoneNumbers.mask(sms.to()),
                sms.textForLogs()));
    }
}
