package io.reroute.platform.payment.stripe;

import com.stripe.Stripe;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook events as Stripe sends them for a Checkout Session in payment mode, and their signature.
 * Signing uses stripe-java's own signer, so tests also check our verifier against Stripe's code.
 */
public final class StripeTestEvents {

    /** The payer finished the page: paid by card, or {@code unpaid} while a bank debit is pending. */
    public static final String COMPLETED = "checkout.session.completed";

    /** A pending (delayed notification) payment of a completed session arrived. */
    public static final String ASYNC_PAYMENT_SUCCEEDED = "checkout.session.async_payment_succeeded";

    /** A pending payment of a completed session failed. */
    public static final String ASYNC_PAYMENT_FAILED = "checkout.session.async_payment_failed";

    /** The session ran out of time unpaid. */
    public static final String EXPIRED = "checkout.session.expired";

    private StripeTestEvents() {}

    /**
     * The JSON body of a {@code checkout.session.*} event. The session's {@code status} follows from
     * the type ({@code expired} for {@link #EXPIRED}, {@code complete} otherwise), and it has a
     * payment intent unless it expired.
     *
     * @param currency lower-case, as Stripe writes it
     */
    public static byte[] checkoutSessionEvent(
            String type,
            String eventId,
            String sessionId,
            String clientReferenceId,
            String paymentStatus,
            long amountTotal,
            String currency,
            Map<String, String> metadata,
            Instant created) {
        boolean expired = type.equals(EXPIRED);
        long sessionCreated =
                created.minus(Duration.ofMinutes(expired ? 24 * 60 : 5)).getEpochSecond();
        var session = new LinkedHashMap<String, Object>();
        session.put("id", sessionId);
        session.put("object", "checkout.session");
        session.put("amount_subtotal", amountTotal);
        session.put("amount_total", amountTotal);
        session.put("cancel_url", "https://portal.example/pay/cancelled");
        session.put("client_reference_id", clientReferenceId);
        session.put("created", sessionCreated);
        session.put("currency", currency);
        session.put("customer", null);
        session.put("customer_details", expired ? null : Map.of("email", "payer@example.com"));
        session.put("expires_at", sessionCreated + Duration.ofHours(24).toSeconds());
        session.put("livemode", false);
        session.put("metadata", metadata);
        session.put("mode", "payment");
        session.put("payment_intent", expired ? null : "pi_" + sessionId.substring(sessionId.lastIndexOf('_') + 1));
        session.put("payment_method_types", new String[] {"card"});
        session.put("payment_status", paymentStatus);
        session.put("status", expired ? "expired" : "complete");
        session.put("success_url", "https://portal.example/pay/done?session_id={CHECKOUT_SESSION_ID}");
        session.put("url", null);

        var event = new LinkedHashMap<String, Object>();
        event.put("id", eventId);
        event.put("object", "event");
        event.put("api_version", Stripe.API_VERSION);
        event.put("created", created.getEpochSecond());
        event.put("data", Map.of("object", session));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        var request = new LinkedHashMap<String, Object>();
        request.put("id", null);
        request.put("idempotency_key", null);
        event.put("request", request);
        event.put("type", type);
        return JsonMapper.shared().writeValueAsBytes(event);
    }

    /** The {@code Stripe-Signature} header Stripe would send with {@code payload} at {@code at}. */
    public static String signatureHeader(byte[] payload, String secret, Instant at) {
        try {
            return Webhook.Signature.generateSignatureHeader(
                    new String(payload, StandardCharsets.UTF_8), secret, at.getEpochSecond());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
