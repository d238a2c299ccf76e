package io.reroute.platform.notification.internal;

import reactor.core.publisher.Mono;

/** Hands a mail over for delivery; errors with {@link MailRefusedException} when retrying cannot help. */
public interface MailTransport {

    Mono<Void> send(OutgoingMail mail);

    /** The address or message was refused for good (bad recipient syntax, for one). */
    final class MailRefusedException extends RuntimeException {
        MailRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
