package io.reroute.platform.web;

import java.util.Map;

/** A well-formed request refused for a domain reason; 422 with its own problem type and extra members. */
public class UnprocessableException extends RuntimeException {

    private final String type;
    private final String title;
    private final Map<String, Object> properties;

    public UnprocessableException(String type, String title, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.type = type;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
