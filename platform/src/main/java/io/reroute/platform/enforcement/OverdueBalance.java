package io.reroute.platform.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A subscriber's open invoices past their due date, as of some day. */
public record OverdueBalance(BigDecimal amount, LocalDate oldestDueDate) {

    public static final OverdueBalance NONE = new OverdueBalance(BigDecimal.ZERO, null);

    public boolean isOverdue() {
        return oldestDueDate != null && amount.signum() > 0;
    }

    /** Whole days the oldest overdue invoice is past due on {@code day}; 0 when nothing is overdue. */
    public long daysOverdue(LocalDate day) {
        return isOverdue() ? Math.max(0, ChronoUnit.DAYS.between(oldestDueDate, day)) : 0;
    }
}
