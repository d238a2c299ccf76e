package io.reroute.platform.web;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem with a request before rejecting it, so a client can fix them all at once. */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
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
