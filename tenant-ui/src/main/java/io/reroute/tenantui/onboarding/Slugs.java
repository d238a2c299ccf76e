package io.reroute.tenantui.onboarding;

import java.text.Normalizer;
import java.util.Locale;

/** Suggests a workspace slug from an ISP's name: lowercase letters, digits and hyphens, at most 40. */
final class Slugs {

    static final int MAX_LENGTH = 40;

    private Slugs() {}

    static String suggest(String ispName) {
        if (ispName == null) {
            return "";
        }
        String ascii = Normalizer.normalize(ispName, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }
}
