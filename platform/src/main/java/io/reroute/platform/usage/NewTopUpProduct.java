package io.reroute.platform.usage;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A top-up product to create; the currency must be the workspace's. */
public record NewTopUpProduct(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Positive @Max(1_000_000_000_000_000L) Long bytes,

        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
        BigDecimal price,

        @NotNull String currency,
        @Min(1) @Max(3660) Integer validityDays) {}
