package io.reroute.platform.security;

import java.util.Arrays;
import java.util.Optional;

/** OAuth2 scopes of the public API: one read and one write scope per resource. */
public enum ApiScope {
    WORKSPACE_READ("workspace:read"),
    WORKSPACE_WRITE("workspace:write"),
    ALLOWLIST_READ("allowlist:read"),
    ALLOWLIST_WRITE("allowlist:write"),
    API_CLIENTS_READ("api-clients:read"),
    API_CLIENTS_WRITE("api-clients:write"),
    AUDIT_READ("audit:read"),
    PLANS_READ("plans:read"),
    PLANS_WRITE("plans:write"),
    SUBSCRIBERS_READ("subscribers:read"),
    SUBSCRIBERS_WRITE("subscribers:write"),
    /** Sending a subscriber a reminder now: what support staff may do besides reading. */
    SUBSCRIBERS_REMIND("subscribers:remind"),
    INVOICES_READ("invoices:read"),
    INVOICES_WRITE("invoices:write"),
    PAYMENTS_READ("payments:read"),
    PAYMENTS_WRITE("payments:write"),
    /** NAS clients, routers and live sessions. */
    NETWORK_READ("network:read"),
    NETWORK_WRITE("network:write"),
    /** The workspace's staff users (the admin UI's accounts). */
    STAFF_READ("staff:read"),
    STAFF_WRITE("staff:write");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    /** The scope as it appears in tokens and requests. */
    public String value() {
        return value;
    }

    /** The Spring Security authority the resource server derives from the token's scope claim. */
    public String authority() {
        return "SCOPE_" + value;
    }

    public static Optional<ApiScope> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
