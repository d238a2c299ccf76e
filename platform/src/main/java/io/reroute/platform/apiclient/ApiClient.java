package io.reroute.platform.apiclient;

import io.reroute.platform.security.ApiScope;
import java.time.Instant;
import java.util.SortedSet;
import java.util.UUID;

/** A machine credential of one workspace. The secret is only ever stored as a hash. */
public record ApiClient(
        UUID id,
        String clientId,
        String name,
        SortedSet<ApiScope> scopes,
        Instant createdAt,
        String createdBy,
        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
