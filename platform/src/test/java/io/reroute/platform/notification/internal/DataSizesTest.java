package io.reroute.platform.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataSizesTest {

    @ParameterizedTest(name = "{0} bytes -> {1}")
    @CsvSource({
        "0,                   0 B",
        "999,                 999 B",
        "1000,                1.0 kB",
        "1500,                1.5 kB",
        "999949,              999.9 kB",
        "999950,              1.0 MB",
        "8000000000,          8.0 GB",
        "8249999999,          8.2 GB",
        "10000000000,         10.0 GB",
        "999999999999,        1.0 TB",
        "1234567890123456,    1.2 PB",
        "9223372036854775807, 9.2 EB"
    })
    void formatsInDecimalUnitsWithOneDecimal(long bytes, String expected) {
        assertThat(DataSizes.format(bytes)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void refusesNegativeSizes() {
        assertThatThrownBy(() -> DataSizes.format(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
