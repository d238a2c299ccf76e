package io.reroute.platform.web;

/** An {@code If-Match} version did not match the stored one: someone else changed it first. */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String message) {
        super(message);
    }
}
