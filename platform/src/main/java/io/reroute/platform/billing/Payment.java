package io.reroute.platform.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Money received for one or more invoices of a subscriber. */
public record Payment(
        UUID id,
        UUID subscriberId,
        String provider,
        String providerReference,
        BigDecimal amount,
        String currency,
        List<UUID> invoiceIds,
        Instant receivedAt) {}
