package io.reroute.platform.payment.stripe;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of a Stripe event we act on. The fields after {@code livemode} are those of the
 * event's {@code checkout.session} object; they are null (and the metadata empty) for events
 * about other objects.
 *
 * @param id {@code evt_...}: Stripe may deliver an event more than once, so deduplicate on it
 * @param type say {@code checkout.session.completed}
 * @param created when Stripe made the event (a redelivery keeps it)
 * @param paymentStatus {@code paid}, {@code unpaid} or {@code no_payment_required}
 * @param status {@code open}, {@code complete} or {@code expired}
 * @param amountTotal in minor units of {@code currency}
 * @param currency lower-case ISO 4217, as Stripe writes it
 */
public record StripeEvent(
        String id,
        String type,
        Instant created,
        boolean livemode,
        String checkoutSessionId,
        String clientReferenceId,
        String paymentStatus,
        String status,
        String paymentIntent,
        Long amountTotal,
        String currency,
        Map<String, String> metadata) {

    public StripeEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(created, "created");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
