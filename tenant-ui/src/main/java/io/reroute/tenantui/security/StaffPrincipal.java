package io.reroute.tenantui.security;

import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A signed-in staff member as the platform vouched for them, with the platform access token this UI
 * calls the API with. Kept in the HTTP session; the token never leaves the server.
 */
public record StaffPrincipal(
        UUID id,
        UUID workspaceId,
        String workspaceName,
        String email,
        String displayName,
        String role,
        Set<String> scopes,
        String accessToken,
        Instant expiresAt)
        implements Principal, Serializable {

    public StaffPrincipal {
        scopes = Set.copyOf(scopes);
    }

    @Override
    public String getName() {
        return email;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "StaffPrincipal[id=" + id + ", workspaceId=" + workspaceId + ", email=" + email + ", role=" + role
                + ", expiresAt=" + expiresAt + ", accessToken=<hidden>]";
    }
}
