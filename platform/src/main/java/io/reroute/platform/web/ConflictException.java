package io.reroute.platform.web;

/** The request clashes with the current state, for example a value that must be unique is taken. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
