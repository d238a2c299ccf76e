package io.reroute.platform.usage.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Monthly data cycles starting at 00:00 UTC on an anchor day. A month without the anchor day (31
 * in April, 29-31 in February) starts its cycle on its last day, and the next month is back on the
 * anchor day: anchored on the 31st, cycles start 31 Jan, 28 Feb (29 in leap years), 31 Mar, 30 Apr.
 */
record CycleCalendar(int anchorDay) {

    CycleCalendar {
        if (anchorDay < 1 || anchorDay > 31) {
            throw new IllegalArgumentException("anchor day " + anchorDay);
        }
    }

    /** Cycles anchored on the day of the month of {@code signup}. */
    static CycleCalendar signup(Instant signup) {
        return new CycleCalendar(LocalDate.ofInstant(signup, ZoneOffset.UTC).getDayOfMonth());
    }

    /** The cycle {@code at} falls in. */
    Cycle cycleAt(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        YearMonth month = YearMonth.from(day);
        LocalDate start = startIn(month);
        if (day.isBefore(start)) {
            start = startIn(month.minusMonths(1));
        }
        return cycleFrom(start);
    }

    /** The cycle after {@code cycle}. */
    Cycle next(Cycle cycle) {
        return cycleAt(cycle.end());
    }

    /** The cycle before {@code cycle}. */
    Cycle previous(Cycle cycle) {
        return cycleAt(cycle.start().minusSeconds(1));
    }

    private Cycle cycleFrom(LocalDate start) {
        LocalDate end = startIn(YearMonth.from(start).plusMonths(1));
        return new Cycle(
                start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                end.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private LocalDate startIn(YearMonth month) {
        return month.atDay(Math.min(anchorDay, month.lengthOfMonth()));
    }

    /** A cycle: from {@code start} (inclusive) to {@code end} (exclusive). */
    record Cycle(Instant start, Instant end) {

        boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }
}
