package io.reroute.platform.tenancy;

/**
 * Who is acting inside a workspace: an API client, a staff member, or the platform itself.
 * Recorded with every audited change.
 */
public record Actor(String subject) {

    public static final Actor SYSTEM = new Actor("system");

    public Actor {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("actor subject is required");
        }
    }

    @Override
    public String toString() {
        return subject;
    }
}
