package io.reroute.platform.tenancy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** The tenant: every tenant-owned row, cache key, log line and token is scoped by one of these. */
public record WorkspaceId(@JsonValue UUID value) {

    public WorkspaceId {
        Objects.requireNonNull(value, "workspace id");
    }

    /** Parses a workspace id, rejecting anything that is not a UUID. */
    public static WorkspaceId parse(String text) {
        if (text == null || text.length() != 36) {
            throw new IllegalArgumentException("not a workspace id: " + text);
        }
        return new WorkspaceId(UUID.fromString(text));
    }

    public static WorkspaceId random() {
        return new WorkspaceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
