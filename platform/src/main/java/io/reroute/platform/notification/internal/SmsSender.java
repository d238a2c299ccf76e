package io.reroute.platform.notification.internal;

import io.reroute.platform.tenancy.WorkspaceId;
import reactor.core.publisher.Mono;

/**
 * Hands an SMS to the provider; errors with {@link SmsRefusedException} when retrying cannot help,
 * with anything else when a later attempt may succeed.
 */
interface SmsSender {

    Mono<Void> send(WorkspaceId workspace, OutgoingSms sms);

    /** The provider refused the message for good (an invalid number, for one). */
    final class SmsRefusedException extends RuntimeException {
        SmsRefusedException(String message) {
            super(message);
        }
    }
}
