package io.reroute.platform.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A plan to create; the currency must be the workspace's. Without {@code dataCap}, data is unlimited. */
public record NewPlan(
        @NotBlank @Size(max = 100) String name,

        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
        BigDecimal price,

        @NotNull String currency,
        @NotNull Plan.BillingCycle billingCycle,
        @Min(1) @Max(100_000_000) int downloadKbps,
        @Min(1) @Max(100_000_000) int uploadKbps,
        @Valid DataCap dataCap) {}
