package io.reroute.tenantui.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void durations() {
        assertThat(Durations.of(42L)).isEqualTo("42 s");
        assertThat(Durations.of(0.4)).isEqualTo("0.4 s");
        assertThat(Durations.of(300L)).isEqualTo("5 min");
        assertThat(Durations.of(3 * 3600L + 20 * 60)).isEqualTo("3 h 20 min");
        assertThat(Durations.of(2 * 86400L + 4 * 3600)).isEqualTo("2 d 4 h");
        assertThat(Durations.of((Double) null)).isEmpty();
    }

    @Test
    void errorCausesAreNamed() {
        assertThat(EnforcementTexts.errorCause(503)).isEqualTo("503 Session context not found");
        assertThat(EnforcementTexts.errorCause(999)).isEqualTo("999");
        assertThat(EnforcementTexts.errorCause(null)).isEmpty();
    }

    @Test
    void onlyAcknowledgedOrGoneSessionsSucceeded() {
        assertThat(EnforcementTexts.succeeded("ACK")).isTrue();
        assertThat(EnforcementTexts.succeeded("SESSION_GONE")).isTrue();
        assertThat(EnforcementTexts.succeeded("NAK")).isFalse();
        assertThat(EnforcementTexts.succeeded("TIMEOUT")).isFalse();
    }
}
