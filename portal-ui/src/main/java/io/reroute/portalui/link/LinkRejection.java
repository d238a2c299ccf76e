package io.reroute.portalui.link;

/**
 * What a subscriber is told when the platform rejects the link they opened, by the platform's
 * reason. Worded for the person holding the link: what happened and what to do, never which check
 * failed in detail.
 */
public record LinkRejection(String headline, String explanation) {

    public static LinkRejection of(String reason) {
        return switch (reason == null ? "" : reason) {
            case "EXPIRED" ->
                new LinkRejection(
                        "This link has expired",
                        "Links in reminders only work for a while. Ask for a new one below; it goes to the"
                                + " email address your provider has on file.");
            case "FOREIGN_HOST", "UNKNOWN_HOST" ->
                new LinkRejection(
                        "This link belongs to another provider's page",
                        "Open the link exactly as it appears in your reminder, or ask for a new one.");
            case "SUBSCRIBER_MISMATCH" ->
                new LinkRejection(
                        "This link no longer matches an account",
                        "Your account may have changed since the reminder was sent. Ask for a new link below,"
                                + " or contact your provider.");
            // MALFORMED, UNKNOWN_KEY, RETIRED_KEY, BAD_SIGNATURE, WRONG_PURPOSE and anything newer.
            default ->
                new LinkRejection(
                        "This link is not valid",
                        "It may be incomplete, or a newer reminder replaced it. Open the link in your latest"
                                + " reminder, or ask for a new one below.");
        };
    }
}
