package io.reroute.tenantui.settings;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A machine credential of the workspace (for the ISP's own systems); its secret is shown once only. */
record ApiClient(
        UUID id,
        String clientId,
        String name,
        List<String> scopes,
        Instant createdAt,
        String createdBy,
        Instant revokedAt) {

    /** Every scope a client can be given, as requests and tokens write them. */
    static final List<String> SCOPES = List.of(
            "workspace:read",
            "workspace:write",
            "allowlist:read",
            "allowlist:write",
            "api-clients:read",
            "api-clients:write",
            "audit:read",
            "plans:read",
            "plans:write",
            "subscribers:read",
            "subscribers:write",
            "subscribers:remind",
            "invoices:read",
            "invoices:write",
            "payments:read",
            "payments:write",
            "network:read",
            "network:write",
            "staff:read",
            "staff:write");

    record New(String name, List<String> scopes) {}

    /** The answer to creating one: the client and, this once, its secret. */
    record Created(UUID id, String clientId, String name, List<String> scopes, Instant createdAt, String clientSecret) {

        @Override
        public String toString() {
            return "ApiClient.Created[clientId=" + clientId + ", clientSecret=<hidden>]";
        }
    }

    record Page(List<ApiClient> items, UUID nextAfter) {}

    /**
     * The scope as tokens write it: the platform lists a client's scopes by their constant names
     * ({@code API_CLIENTS_READ}) but takes and issues them as {@code api-clients:read}.
     */
    static String scope(String name) {
        if (name == null || name.contains(":")) {
            return name;
        }
        int last = name.lastIndexOf('_');
        if (last < 0) {
            return name.toLowerCase(Locale.ROOT);
        }
        return name.substring(0, last).toLowerCase(Locale.ROOT).replace('_', '-') + ":"
                + name.substring(last + 1).toLowerCase(Locale.ROOT);
    }
}
