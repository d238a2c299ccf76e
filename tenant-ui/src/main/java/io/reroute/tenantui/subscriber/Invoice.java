package io.reroute.tenantui.subscriber;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An invoice to the subscriber; {@code status} is OPEN, PAID or VOID. */
record Invoice(
        UUID id,
        UUID subscriberId,
        String number,
        BigDecimal amount,
        String currency,
        LocalDate dueDate,
        String status,
        Instant issuedAt,
        Instant paidAt,
        Instant voidedAt,
        UUID paymentId) {}
