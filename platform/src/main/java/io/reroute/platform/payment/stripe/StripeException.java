package io.reroute.platform.payment.stripe;

/**
 * A call to Stripe's API failed. The message is Stripe's own for an error answer; it never holds
 * the secret key.
 */
public final class StripeException extends RuntimeException {

    private final int status;
    private final boolean retryable;

    StripeException(String message, int status, boolean retryable) {
        super(message);
        this.status = status;
        this.retryable = retryable;
    }

    /**
     * Stripe's HTTP status, or 0 when no answer came (timeout, connection refused) or the request
     * was not sent (a key the library refuses).
     */
    public int status() {
        return status;
    }

    /**
     * Whether the same request (with the same idempotency key) may succeed later: no answer, a 5xx,
     * a rate limit (429) or a conflicting concurrent request (409). Other 4xx will fail again.
     */
    public boolean retryable() {
        return retryable;
    }
}
