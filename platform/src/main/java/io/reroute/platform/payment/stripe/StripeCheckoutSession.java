package io.reroute.platform.payment.stripe;

import java.time.Instant;

/**
 * A Checkout Session as Stripe made it.
 *
 * @param id {@code cs_...}, which the webhook events name again
 * @param url the payment page to send the payer to
 * @param paymentStatus {@code unpaid} for a new session
 * @param expiresAt when Stripe closes the page
 */
public record StripeCheckoutSession(String id, String url, String paymentStatus, Instant expiresAt) {}
