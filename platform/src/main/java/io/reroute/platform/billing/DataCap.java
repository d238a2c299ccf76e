package io.reroute.platform.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A plan's data allowance per monthly cycle and what happens at the cap. Usage counts both
 * directions (Acct-Input plus Acct-Output octets, gigawords included).
 *
 * @param cycleDay with {@link CycleAnchor#DAY_OF_MONTH}, the day each cycle starts (00:00 UTC); a
 *     day the month does not have (31 in April, 29-31 in February) means the month's last day
 * @param rollover null: unused allowance is lost at the end of a cycle
 * @param alertThresholds percentages of the cycle's data (allowance, rollover and top-ups) at which
 *     the subscriber is alerted, each once per cycle
 * @param throttle with {@link CapAction#THROTTLE}, the speed at the cap
 */
public record DataCap(
        @NotNull @Positive @Max(1_000_000_000_000_000L) Long allowanceBytes,
        @NotNull CycleAnchor cycleAnchor,
        @Min(1) @Max(31) Integer cycleDay,
        @Valid Rollover rollover,
        @Size(max = 5) List<@NotNull @Min(1) @Max(100) Integer> alertThresholds,
        @NotNull CapAction capAction,
        @Valid Throttle throttle) {

    public static final List<Integer> DEFAULT_THRESHOLDS = List.of(80, 100);

    public DataCap {
        if (alertThresholds == null) {
            alertThresholds = DEFAULT_THRESHOLDS;
        } else {
            alertThresholds = alertThresholds.stream().distinct().sorted().toList();
        }
    }

    /** Where a subscriber's data cycles start. */
    public enum CycleAnchor {
        /** On {@code cycleDay} of every month. */
        DAY_OF_MONTH,
        /** On the day of the month the subscriber was created. */
        SIGNUP
    }

    /** What happens once the cycle's data is used up: subscriber state {@code CAPPED} either way. */
    public enum CapAction {
        /** Redirected to the portal to buy a top-up, like a blocked subscriber. */
        REDIRECT,
        /** Stays online at the throttle speed (fair usage). */
        THROTTLE
    }

    /**
     * Unused plan allowance carried into the next cycle: at most {@code maxBytes} of unexpired
     * rollover at a time, each carry usable for {@code cycles} cycles.
     */
    public record Rollover(
            @NotNull @PositiveOrZero @Max(1_000_000_000_000_000L)
            Long maxBytes,

            @NotNull @Min(1) @Max(12) Integer cycles) {}

    /** The speed at the cap. */
    public record Throttle(
            @Min(1) @Max(100_000_000) int downloadKbps,
            @Min(1) @Max(100_000_000) int uploadKbps) {

        /** As a MikroTik rate limit, {@code upload/download}. */
        public String rateLimit() {
            return uploadKbps + "k/" + downloadKbps + "k";
        }
    }
}
