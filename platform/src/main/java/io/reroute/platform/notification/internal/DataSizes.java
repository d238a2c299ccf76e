package io.reroute.platform.notification.internal;

import java.util.Locale;

/** Data amounts as subscribers read them: decimal units, as ISPs sell them (1 GB = 10^9 bytes). */
final class DataSizes {

    private static final String[] UNITS = {"kB", "MB", "GB", "TB", "PB", "EB"};

    private DataSizes() {}

    /** {@code 999 B}, {@code 1.5 kB}, {@code 8.0 GB}: one decimal from a kilobyte on. */
    static String format(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size: " + bytes);
        }
        if (bytes < 1000) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        // Moves up while the value would round to 1000.0 or more in this unit (999,950 B is 1.0 MB).
        while (value >= 999.95 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
