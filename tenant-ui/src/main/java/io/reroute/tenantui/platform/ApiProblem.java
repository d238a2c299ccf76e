package io.reroute.tenantui.platform;

import java.util.List;
import java.util.Optional;

/**
 * An RFC 9457 problem the platform answered with, such as a validation error with one message per
 * field. The message is the platform's {@code detail}, written for people.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldMessage> errors;

    public ApiProblem(int status, String type, String title, String detail, List<FieldMessage> errors) {
        super(detail != null && !detail.isBlank() ? detail : title != null ? title : "HTTP " + status);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    /** The problem type URN, e.g. {@code urn:reroute:problem:invalid-request}; may be null. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** Messages about individual fields, by JSON path ({@code branding.primaryColor}). */
    public List<FieldMessage> errors() {
        return errors;
    }

    public Optional<String> errorFor(String field) {
        return errors.stream()
                .filter(e -> field.equals(e.field()))
                .map(FieldMessage::message)
                .findFirst();
    }

    /** One rejected input: the JSON path of the field and what is wrong with it. */
    public record FieldMessage(String field, String message) {}
}
