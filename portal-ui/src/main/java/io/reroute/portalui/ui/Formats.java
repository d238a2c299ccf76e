package io.reroute.portalui.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the portal writes dates, amounts and data sizes (as the landing page and the mails do). */
public final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    private Formats() {}

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Two decimals at least, as the landing page writes its amount. */
    public static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        String value = amount.setScale(Math.max(2, amount.scale()), RoundingMode.UNNECESSARY)
                .toPlainString();
        return currency == null || currency.isBlank() ? value : value + " " + currency.strip();
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
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** The platform's details start in lower case (they are written to follow a field name). */
    public static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String s = text.strip();
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
    }

    /** A value usable in an element id: letters, digits, '-' and '_' only. */
    public static String idPart(String value) {
        return value == null ? "" : value.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
