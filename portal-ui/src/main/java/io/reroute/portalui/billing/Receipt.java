package io.reroute.portalui.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A payment the subscriber made, for one or more invoices or a top-up. */
public record Receipt(
        UUID id,
        String provider,
        String providerReference,
        BigDecimal amount,
        String currency,
        List<UUID> invoiceIds,
        Instant receivedAt) {}
