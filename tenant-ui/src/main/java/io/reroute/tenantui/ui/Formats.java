package io.reroute.tenantui.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the UI writes times, sizes and amounts (UTC, as the platform counts days). */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private Formats() {}

    public static String instant(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Decimal sizes, as the platform's mails write them (1 GB = 10^9 bytes). */
    public static String bytes(Long bytes) {
        if (bytes == null) {
            return "";
        }
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    public static String money(BigDecimal amount, String currency) {
        return amount == null ? "" : amount.toPlainString() + (currency == null ? "" : " " + currency);
    }
}
