package io.reroute.portalui.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void amountsDatesAndSizes() {
        assertThat(Formats.money(new BigDecimal("42.5"), "EUR")).isEqualTo("42.50 EUR");
        assertThat(Formats.money(new BigDecimal("7"), null)).isEqualTo("7.00");
        assertThat(Formats.date(LocalDate.of(2026, 12, 1))).isEqualTo("1 Dec 2026");
        assertThat(Formats.bytes(10_000_000_000L)).isEqualTo("10.0 GB");
        assertThat(Formats.bytes(512L)).isEqualTo("512 B");
    }

    @Test
    void platformDetailsBecomeSentences() {
        assertThat(Formats.sentence("there is nothing to pay")).isEqualTo("There is nothing to pay.");
        assertThat(Formats.sentence("Done!")).isEqualTo("Done!");
        assertThat(Formats.sentence(null)).isEmpty();
    }

    @Test
    void idPartsKeepOnlySafeCharacters() {
        assertThat(Formats.idPart("INV-2026/0042 x")).isEqualTo("INV-2026-0042-x");
    }
}
