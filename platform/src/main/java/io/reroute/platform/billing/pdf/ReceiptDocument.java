package io.reroute.platform.billing.pdf;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a payment receipt PDF shows: the money received and what it paid for (invoices or a top-up).
 *
 * @param reference the payment's id
 * @param amount the total received, printed as such even if the lines add up differently
 * @param lines amounts in {@code currency}
 */
public record ReceiptDocument(
        String reference,
        BigDecimal amount,
        String currency,
        Instant receivedAt,
        String provider,
        String providerReference,
        List<ReceiptLine> lines) {

    public ReceiptDocument {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerReference, "providerReference");
        lines = List.copyOf(lines);
    }
}
