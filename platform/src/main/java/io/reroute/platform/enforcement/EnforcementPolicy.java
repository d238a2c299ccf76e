package io.reroute.platform.enforcement;

import io.reroute.platform.workspace.EnforcementThresholds;
import java.time.LocalDate;

/**
 * The billing rules of the state machine, with no I/O: given where a subscriber stands, what is
 * overdue and the workspace's thresholds, where should they stand on a given day. The scheduler,
 * payments and the simulate endpoint all ask this one place.
 */
public final class EnforcementPolicy {

    private EnforcementPolicy() {}

    /** The state billing calls for, with the reason in words an operator reads in the history. */
    public static Decision decide(
            SubscriberState current, OverdueBalance overdue, EnforcementThresholds thresholds, LocalDate day) {
        if (current == SubscriberState.SUSPENDED || current == SubscriberState.CAPPED) {
            // Staff suspensions end only by staff; data caps by top-up or a new cycle.
            return new Decision(current, "unchanged: " + current.name().toLowerCase() + " is not decided by billing");
        }
        long days = overdue.daysOverdue(day);
        boolean blockable = overdue.amount().compareTo(thresholds.minimumAmountToBlock()) >= 0;
        if (overdue.isOverdue() && days >= thresholds.blockAfterDays() && blockable) {
            return new Decision(
                    SubscriberState.BLOCKED,
                    "overdue " + overdue.amount().toPlainString() + " for " + days + " days (block after "
                            + thresholds.blockAfterDays() + ")");
        }
        if (overdue.isOverdue() && days >= thresholds.reminderAfterDays()) {
            return new Decision(
                    SubscriberState.WARNED,
                    "overdue " + overdue.amount().toPlainString() + " for " + days + " days (remind after "
                            + thresholds.reminderAfterDays() + ")");
        }
        if (current == SubscriberState.ACTIVE) {
            return new Decision(current, "nothing overdue past the reminder threshold");
        }
        return new Decision(
                SubscriberState.ACTIVE,
                overdue.isOverdue() ? "overdue balance below the reminder threshold" : "overdue balance paid");
    }

    /** Where the subscriber should be, and why. */
    public record Decision(SubscriberState state, String reason) {}
}
