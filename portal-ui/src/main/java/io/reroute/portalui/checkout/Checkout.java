package io.reroute.portalui.checkout;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment under way at the workspace's provider.
 *
 * @param purpose {@code PAY} (every open invoice) or {@code TOP_UP}
 * @param provider {@code SANDBOX} or {@code STRIPE}
 * @param redirectUrl where the subscriber pays; null once it is over
 */
public record Checkout(
        UUID id,
        String purpose,
        String provider,
        BigDecimal amount,
        String currency,
        Status status,
        String redirectUrl,
        Instant expiresAt) {

    public enum Status {
        OPEN,
        COMPLETED,
        EXPIRED,
        FAILED
    }

    public boolean sandbox() {
        return "SANDBOX".equals(provider);
    }
}
