package io.reroute.platform.billing;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An invoice to issue. The amount must be positive and in the workspace currency. */
public record NewInvoice(
        @NotNull UUID subscriberId,

        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._/-]+", message = "letters, digits and . _ / - only")
        String number,

        @NotNull
        @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
        @Digits(integer = 12, fraction = 2)
        BigDecimal amount,

        @NotNull String currency,
        @NotNull LocalDate dueDate) {}
