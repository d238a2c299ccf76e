package io.reroute.platform.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * A payment a subscriber started in the portal: paying their open invoices, or buying a top-up.
 *
 * @param redirectUrl where the subscriber pays (the provider's page); null once it is over
 * @param paymentId the payment recorded when it completed
 */
public record Checkout(
        UUID id,
        UUID subscriberId,
        Purpose purpose,
        PaymentProvider provider,
        List<UUID> invoiceIds,
        UUID topUpProductId,
        BigDecimal amount,
        String currency,
        Status status,
        String providerSessionId,
        String redirectUrl,
        UUID paymentId,
        Instant createdAt,
        Instant expiresAt,
        Instant completedAt) {

    public enum Purpose {
        PAY,
        TOP_UP
    }

    /** OPEN until the provider says it was paid (COMPLETED), abandoned (EXPIRED) or refused (FAILED). */
    public enum Status {
        OPEN,
        COMPLETED,
        EXPIRED,
        FAILED
    }

    public Checkout {
        invoiceIds = List.copyOf(invoiceIds);
    }

    /** The amount in the currency's smallest unit (cents), as providers take it. */
    public long amountInMinorUnits() {
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return amount.setScale(digits, RoundingMode.UNNECESSARY)
                .movePointRight(digits)
                .longValueExact();
    }

    Checkout withProviderSession(String sessionId, String url) {
        return new Checkout(
                id,
                subscriberId,
                purpose,
                provider,
                invoiceIds,
                topUpProductId,
                amount,
                currency,
                status,
                sessionId,
                url,
                paymentId,
                createdAt,
                expiresAt,
                completedAt);
    }
}
