package io.reroute.portalui.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One of the subscriber's invoices, in any status. */
public record Invoice(
        UUID id,
        String number,
        BigDecimal amount,
        String currency,
        LocalDate dueDate,
        Status status,
        Instant issuedAt,
        Instant paidAt,
        Instant voidedAt) {

    public enum Status {
        OPEN,
        PAID,
        VOID
    }
}
