package io.reroute.platform.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.platform.workspace.EnforcementThresholds;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnforcementPolicyTest {

    static final EnforcementThresholds THRESHOLDS = new EnforcementThresholds(3, 14, new BigDecimal("10.00"));
    static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    @ParameterizedTest(name = "{0} with {1} overdue for {2} days -> {3}")
    @CsvSource({
        "ACTIVE,    0,     0,  ACTIVE",
        "ACTIVE,    25.00, 1,  ACTIVE",
        "ACTIVE,    25.00, 3,  WARNED",
        "ACTIVE,    25.00, 14, BLOCKED",
        "WARNED,    25.00, 13, WARNED",
        "WARNED,    25.00, 14, BLOCKED",
        "WARNED,    5.00,  40, WARNED",
        "BLOCKED,   0,     0,  ACTIVE",
        "BLOCKED,   5.00,  20, WARNED",
        "WARNED,    0,     0,  ACTIVE",
        "SUSPENDED, 0,     0,  SUSPENDED",
        "SUSPENDED, 99.00, 90, SUSPENDED",
        "CAPPED,    99.00, 90, CAPPED"
    })
    void decides(SubscriberState current, BigDecimal amount, int days, SubscriberState expected) {
        var overdue = amount.signum() == 0 ? OverdueBalance.NONE : new OverdueBalance(amount, DAY.minusDays(days));
        var decision = EnforcementPolicy.decide(current, overdue, THRESHOLDS, DAY);
        assertThat(decision.state()).isEqualTo(expected);
        assertThat(decision.reason()).isNotBlank();
    }
}
