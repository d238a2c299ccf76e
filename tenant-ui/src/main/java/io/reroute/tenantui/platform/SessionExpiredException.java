package io.reroute.tenantui.platform;

/** The platform no longer accepts the staff member's token: expired, revoked or the account disabled. */
public final class SessionExpiredException extends RuntimeException {

    public SessionExpiredException() {
        super("Your session has ended. Please sign in again.");
    }
}
