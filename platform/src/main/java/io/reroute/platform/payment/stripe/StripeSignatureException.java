package io.reroute.platform.payment.stripe;

/**
 * A webhook request did not come from Stripe as it claims (missing or garbled signature header,
 * wrong secret, altered body, stale or future timestamp) or is not an event. Answer it with 400
 * and do not act on it.
 */
public final class StripeSignatureException extends RuntimeException {

    StripeSignatureException(String message) {
        super(message);
    }

    StripeSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
