package io.reroute.landingpage;

import java.util.Locale;
import java.util.regex.Pattern;

/** The colours a landing page may use, and text that stays readable on them. */
public final class Colors {

    /** Used when a workspace's colour is missing or not {@code #rrggbb} (while someone is typing it, say). */
    public static final String DEFAULT_PRIMARY = "#1f6feb";

    public static final String DEFAULT_ACCENT = "#0b3d91";

    static final String LIGHT_TEXT = "#ffffff";
    static final String DARK_TEXT = "#1a1a1a";

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private Colors() {}

    /** The colour in lower case when it is {@code #rrggbb}, else the fallback: nothing else reaches a style. */
    public static String orDefault(String color, String fallback) {
        return color != null && HEX.matcher(color.strip()).matches()
                ? color.strip().toLowerCase(Locale.ROOT)
                : fallback;
    }

    /**
     * White or near-black, whichever contrasts more with the background (WCAG relative luminance),
     * so that a light brand colour still gets legible text.
     */
    public static String textOn(String background) {
        double luminance = luminance(orDefault(background, DEFAULT_PRIMARY));
        double withWhite = 1.05 / (luminance + 0.05);
        double withDark = (luminance + 0.05) / (luminance(DARK_TEXT) + 0.05);
        return withWhite >= withDark ? LIGHT_TEXT : DARK_TEXT;
    }

    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
