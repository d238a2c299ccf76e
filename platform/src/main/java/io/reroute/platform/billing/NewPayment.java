package io.reroute.platform.billing;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A payment of whole invoices: {@code amount} must equal their sum. Partial payments are not
 * taken; the provider reference (a Stripe payment intent, a bank reference) is unique per provider.
 */
public record NewPayment(
        @NotNull UUID subscriberId,
        @NotEmpty @Size(max = 100) List<@NotNull UUID> invoiceIds,

        @NotNull
        @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
        @Digits(integer = 12, fraction = 2)
        BigDecimal amount,

        @NotNull String currency,
        @NotBlank @Size(max = 40) String provider,
        @NotBlank @Size(max = 200) String providerReference) {}
