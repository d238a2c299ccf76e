package io.reroute.portalui.platform;

/**
 * The subscriber has no portal session on this host: none was opened, it expired, was signed out,
 * or belongs to another workspace's host. Only a link from a reminder opens a new one.
 */
public final class SessionEndedException extends RuntimeException {

    public static final String TYPE = "urn:reroute:problem:portal-session-ended";

    public SessionEndedException() {
        super("Your session ended.", null, false, false);
    }
}
