package io.reroute.platform.billing.pdf;

import java.util.Objects;

/**
 * Who a billing document is from: the workspace's display name, printed as the letterhead.
 *
 * @param primaryColor like {@code #1f6feb}; null, malformed or too pale to read on paper means a
 *     neutral dark grey
 * @param supportNote printed at the end of the document, newlines kept; null for none
 */
public record Letterhead(String displayName, String primaryColor, String supportNote) {

    public Letterhead {
        Objects.requireNonNull(displayName, "displayName");
    }
}
