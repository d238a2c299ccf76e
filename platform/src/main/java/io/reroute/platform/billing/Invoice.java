package io.reroute.platform.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An invoice to a subscriber. Only OPEN invoices past their due date count as overdue. */
public record Invoice(
        UUID id,
        UUID subscriberId,
        String number,
        BigDecimal amount,
        String currency,
        LocalDate dueDate,
        Status status,
        Instant issuedAt,
        Instant paidAt,
        Instant voidedAt,
        UUID paymentId) {

    public enum Status {
        OPEN,
        PAID,
        VOID
    }
}
