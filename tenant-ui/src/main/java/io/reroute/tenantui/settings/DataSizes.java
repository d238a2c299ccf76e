package io.reroute.tenantui.settings;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Gigabytes as staff type them and bytes as the platform counts them (1 GB = 10^9 bytes, as in mails). */
final class DataSizes {

    private static final BigDecimal GIGABYTE = BigDecimal.TEN.pow(9);

    private DataSizes() {}

    /** Whole bytes of the gigabytes typed; null stays null. */
    static Long bytes(BigDecimal gigabytes) {
        return gigabytes == null
                ? null
                : gigabytes.multiply(GIGABYTE).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    static BigDecimal gigabytes(Long bytes) {
        return bytes == null ? null : new BigDecimal(bytes).divide(GIGABYTE).stripTrailingZeros();
    }
}
