package io.reroute.platform.web;

/**
 * The request clashes with the current state, for example a value that must be unique is taken.
 * When one field is at fault the problem names it, so a form can show the message next to it.
 */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String message) {
        this(null, message);
    }

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
