package io.reroute.platform.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reroute.platform.usage.internal.CycleCalendar.Cycle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CycleCalendarTest {

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void aCycleRunsFromTheAnchorDayToTheSameDayNextMonth() {
        var calendar = new CycleCalendar(15);
        assertThat(calendar.cycleAt(at("2026-03-20T10:00:00Z")))
                .isEqualTo(new Cycle(at("2026-03-15T00:00:00Z"), at("2026-04-15T00:00:00Z")));
        assertThat(calendar.cycleAt(at("2026-03-14T23:59:59Z")))
                .isEqualTo(new Cycle(at("2026-02-15T00:00:00Z"), at("2026-03-15T00:00:00Z")));
        assertThat(calendar.cycleAt(at("2026-03-15T00:00:00Z")).start()).isEqualTo(at("2026-03-15T00:00:00Z"));
    }

    @Test
    void day31StartsOnTheLastDayOfShorterMonthsAndComesBack() {
        var calendar = new CycleCalendar(31);
        assertThat(calendar.cycleAt(at("2027-02-10T00:00:00Z")))
                .isEqualTo(new Cycle(at("2027-01-31T00:00:00Z"), at("2027-02-28T00:00:00Z")));
        assertThat(calendar.cycleAt(at("2027-03-01T00:00:00Z")))
                .isEqualTo(new Cycle(at("2027-02-28T00:00:00Z"), at("2027-03-31T00:00:00Z")));
        assertThat(calendar.cycleAt(at("2028-02-29T12:00:00Z")).start())
                .as("leap year")
                .isEqualTo(at("2028-02-29T00:00:00Z"));
        assertThat(calendar.next(calendar.cycleAt(at("2027-04-15T00:00:00Z"))))
                .isEqualTo(new Cycle(at("2027-04-30T00:00:00Z"), at("2027-05-31T00:00:00Z")));
    }

    @Test
    void previousAndNextWalkWholeCyclesAcrossTheYear() {
        var calendar = new CycleCalendar(1);
        Cycle january = calendar.cycleAt(at("2027-01-20T00:00:00Z"));
        assertThat(calendar.previous(january))
                .isEqualTo(new Cycle(at("2026-12-01T00:00:00Z"), at("2027-01-01T00:00:00Z")));
        assertThat(calendar.next(calendar.previous(january))).isEqualTo(january);
    }

    @Test
    void signupAnniversaryUsesTheSignupDayOfMonth() {
        assertThat(CycleCalendar.signup(at("2026-01-30T18:00:00Z"))).isEqualTo(new CycleCalendar(30));
        assertThatThrownBy(() -> new CycleCalendar(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
