package io.reroute.platform.workspace;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * When an overdue subscriber is reminded and when blocked: days past the due date, and the least
 * overdue amount (in the workspace currency) that justifies blocking.
 */
public record EnforcementThresholds(
        @Min(0) @Max(365) int reminderAfterDays,
        @Min(0) @Max(365) int blockAfterDays,

        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
        BigDecimal minimumAmountToBlock) {}
