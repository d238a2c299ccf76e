package io.reroute.platform.payment.stripe;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One Checkout Session for a single payment of {@code amountMinor} (cents, pence; yen for a
 * zero-decimal currency) of {@code productName}.
 *
 * @param clientReferenceId our checkout id, which webhooks hand back as {@code client_reference_id};
 *     also put into the metadata as {@code checkout_id}, which Stripe's dashboard shows
 * @param metadata more keys for the dashboard and the events, say {@code workspace_id}
 * @param currency an ISO 4217 code, lower-cased as Stripe wants it
 * @param customerEmail pre-fills the payment page; null leaves it to the payer
 * @param expiresAt when Stripe closes the page (30 minutes to 24 hours from now, else Stripe
 *     refuses the request); null takes Stripe's default of 24 hours
 * @param idempotencyKey the same key for a retried creation, so Stripe answers it with the same
 *     session instead of making a second one
 */
public record StripeCheckoutSessionRequest(
        String clientReferenceId,
        Map<String, String> metadata,
        long amountMinor,
        String currency,
        String productName,
        String customerEmail,
        String successUrl,
        String cancelUrl,
        Instant expiresAt,
        String idempotencyKey) {

    /** The metadata key that carries {@link #clientReferenceId()}. */
    public static final String CHECKOUT_ID = "checkout_id";

    public StripeCheckoutSessionRequest {
        requireText(clientReferenceId, "client reference id");
        requireText(productName, "product name");
        requireText(successUrl, "success url");
        requireText(cancelUrl, "cancel url");
        requireText(idempotencyKey, "idempotency key");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amountMinor);
        }
        if (currency == null || !currency.matches("[A-Za-z]{3}")) {
            throw new IllegalArgumentException("not an ISO currency code: " + currency);
        }
        currency = currency.toLowerCase(Locale.ROOT);
        var withCheckoutId = new HashMap<>(metadata == null ? Map.of() : metadata);
        String previous = withCheckoutId.put(CHECKOUT_ID, clientReferenceId);
        if (previous != null && !previous.equals(clientReferenceId)) {
            throw new IllegalArgumentException("metadata " + CHECKOUT_ID + " differs from the client reference id");
        }
        metadata = Map.copyOf(withCheckoutId);
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }
}
