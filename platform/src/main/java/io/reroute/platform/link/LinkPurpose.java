package io.reroute.platform.link;

import java.util.Arrays;
import java.util.Optional;

/** What a reminder link lets its holder do in the portal. */
public enum LinkPurpose {
    PAY("pay"),
    TOP_UP("top-up");

    private final String claim;

    LinkPurpose(String claim) {
        this.claim = claim;
    }

    /** The value of the token's {@code pur} claim. */
    public String claim() {
        return claim;
    }

    public static Optional<LinkPurpose> fromClaim(String claim) {
        return Arrays.stream(values()).filter(p -> p.claim.equals(claim)).findFirst();
    }
}
