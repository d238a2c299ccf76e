package io.reroute.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ArrayLiteralTest {

    @Test
    void quotesEveryElementEscapesQuotesAndBackslashesAndWritesNullsBare() {
        assertThat(ArrayLiteral.of(new Object[] {"plain", "a \"quoted\" id", "back\\slash", null, "", "{,}"}))
                .isEqualTo("{\"plain\",\"a \\\"quoted\\\" id\",\"back\\\\slash\",NULL,\"\",\"{,}\"}");
    }

    @Test
    void writesValuesAsPostgreSqlReadsThem() {
        UUID id = UUID.fromString("0b7c2f0e-4a53-4e0b-9d55-0d7c2b3f9a01");
        assertThat(ArrayLiteral.of(new Object[] {id, 42L, Instant.parse("2026-11-21T10:15:30.123456Z")}))
                .isEqualTo("{\"0b7c2f0e-4a53-4e0b-9d55-0d7c2b3f9a01\",42,\"2026-11-21T10:15:30.123456Z\"}");
        assertThat(ArrayLiteral.of(new Object[] {-7L, null})).isEqualTo("{-7,NULL}");
        assertThat(ArrayLiteral.of(new Object[0])).isEqualTo("{}");
    }

    @Test
    void writesInstantsAsEpochMicrosecondsKeepingNulls() {
        assertThat(ArrayLiteral.ofEpochMicros(new Instant[] {
                    Instant.parse("2026-11-21T10:15:30.123456789Z"), null, Instant.EPOCH.minusNanos(1000)
                }))
                .isEqualTo("{1795256130123456,NULL,-1}");
    }
}
