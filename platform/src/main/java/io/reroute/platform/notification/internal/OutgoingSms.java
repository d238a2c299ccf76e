package io.reroute.platform.notification.internal;

/**
 * An addressed SMS: {@code message} followed by {@code link} (a signed portal link, possibly empty).
 * The link is a credential and the number personal, so neither is in {@link #toString()}.
 */
record OutgoingSms(String to, String message, String link) {

    /** What the subscriber receives. */
    String text() {
        return link.isEmpty() ? message : message + " " + link;
    }

    /** The text as logs may show it: the link left out. */
    String textForLogs() {
        return link.isEmpty() ? message : message + " <signed link>";
    }

    @Override
    public String toString() {
        return "OutgoingSms[to=" + PhoneNumbers.mask(to) + "]";
    }
}
