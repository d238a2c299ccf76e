package io.reroute.platform.billing.pdf;

import io.reroute.platform.billing.Invoice;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What an invoice PDF shows.
 *
 * @param paidAt printed with {@link Invoice.Status#PAID}; may be null
 * @param description the invoice's one line, e.g. the plan's name or "Top-up 10 GB"; null prints
 *     "Invoice" and the number
 */
public record InvoiceDocument(
        String number,
        BigDecimal amount,
        String currency,
        LocalDate issuedOn,
        LocalDate dueDate,
        Invoice.Status status,
        Instant paidAt,
        String description) {

    public InvoiceDocument {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(status, "status");
    }
}
