package io.reroute.portalui.platform;

/** The platform could not be reached or failed; nothing the subscriber did was at fault. */
public final class PlatformUnavailableException extends RuntimeException {

    public PlatformUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
