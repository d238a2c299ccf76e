package io.reroute.tenantui.subscriber;

import java.util.Locale;

/** Short human durations: {@code 42 s}, {@code 5 min}, {@code 3 h 20 min}, {@code 2 d 4 h}. */
public final class Durations {

    private Durations() {}

    public static String of(Double seconds) {
        if (seconds == null) {
            return "";
        }
        if (seconds < 10 && seconds != Math.floor(seconds)) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        return of(Math.round(seconds));
    }

    public static String of(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }
}
