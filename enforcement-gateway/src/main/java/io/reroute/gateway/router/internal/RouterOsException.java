package io.reroute.gateway.router.internal;

/**
 * The router refused a command ({@code !trap}), or the connection failed: then {@link #broken()}
 * and the session must be reopened.
 */
class RouterOsException extends Exception {

    private final boolean broken;

    RouterOsException(String message, boolean broken) {
        super(message);
        this.broken = broken;
    }

    RouterOsException(String message, Throwable cause) {
        super(message, cause);
        this.broken = true;
    }

    boolean broken() {
        return broken;
    }
}
