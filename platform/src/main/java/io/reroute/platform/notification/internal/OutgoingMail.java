package io.reroute.platform.notification.internal;

/** An addressed mail. The body may hold a signed link, so it stays out of {@link #toString()}. */
public record OutgoingMail(String fromAddress, String fromName, String to, String subject, String body) {

    @Override
    public String toString() {
        return "OutgoingMail[from=" + fromAddress + ", subject=" + subject + "]";
    }
}
