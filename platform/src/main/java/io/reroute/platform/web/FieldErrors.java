package io.reroute.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Collects every problem with a request before rejecting it, so a client can fix them all at once. */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /**
     * Parses an optional value: null for null or blank text; otherwise the parser's result, or null
     * with the parser's IllegalArgumentException message recorded against {@code field}.
     */
    public <T> T parse(String field, String text, Function<String, T> parser) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            add(field, e.getMessage());
            return null;
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws {@link InvalidRequestException} with everything collected, if anything was. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
