package io.reroute.tenantui.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reroute.tenantui.platform.PlatformApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A MikroTik router the region's gateways configure over the RouterOS API; its password is never
 * shown. {@code status} is what the gateways last found on it.
 */
public record Router(
        UUID id,
        String name,
        String host,
        int port,
        boolean tls,
        String username,
        String role,
        UUID nasId,
        String region,
        Instant createdAt,
        Instant updatedAt,
        Status status) {

    public record Status(
            String identity, String routerOsVersion, Instant lastContactAt, String lastError, Instant reconciledAt) {}

    /** The body of {@code POST} and {@code PUT /api/v1/routers}: an absent password keeps the current one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(
            String name,
            String host,
            Integer port,
            Boolean tls,
            String username,
            String password,
            String role,
            UUID nasId) {

        public Request withNasId(UUID value) {
            return new Request(name, host, port, tls, username, password, role, value);
        }

        @Override
        public String toString() {
            return "Router.Request[name=" + name + ", host=" + host + ", username=" + username + ", password=<hidden>]";
        }
    }

    record Page(List<Router> items) {}

    /**
     * Something a gateway does on the router: TEST, APPLY or RECONCILE; status PENDING until a
     * gateway reports, then SUCCEEDED, FAILED (with error) or EXPIRED.
     */
    public record Job(
            UUID id,
            UUID routerId,
            String kind,
            String status,
            String requestedBy,
            Instant requestedAt,
            Instant finishedAt,
            JsonNode result,
            String error) {

        boolean pending() {
            return "PENDING".equals(status);
        }
    }

    record JobPage(List<Job> items) {}

    /** The last reconciliation's findings. */
    record Drift(Instant reconciledAt, JsonNode report) {}

    /** One difference between the router and what it should have: MISSING, CHANGED, UNEXPECTED, OUT_OF_ORDER. */
    record Change(String kind, String path, String marker) {

        /** The changes listed under {@code field} of a job result or drift report ({@code changes}, {@code drift}). */
        static List<Change> in(JsonNode result, String field) {
            List<Change> changes = new ArrayList<>();
            JsonNode list = result == null ? null : result.get(field);
            if (list != null && list.isArray()) {
                for (JsonNode change : list) {
                    changes.add(new Change(text(change, "kind"), text(change, "path"), text(change, "marker")));
                }
            }
            return changes;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    public static List<Router> list(PlatformApi api) {
        return api.get("/api/v1/routers").as(Page.class).items();
    }
}
