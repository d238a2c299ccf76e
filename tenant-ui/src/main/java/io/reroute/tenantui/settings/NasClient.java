package io.reroute.tenantui.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A router (NAS) allowed to send RADIUS to the region's gateways, recognised by its source address.
 * Its shared secret is never shown.
 */
public record NasClient(
        UUID id,
        String name,
        String address,
        int coaPort,
        String vendor,
        boolean requireMessageAuthenticator,
        Instant createdAt,
        Instant updatedAt) {

    /** The body of {@code POST} and {@code PUT /api/v1/nas-clients}: an absent secret keeps the current one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(
            String name,
            String address,
            String secret,
            Integer coaPort,
            String vendor,
            Boolean requireMessageAuthenticator) {

        @Override
        public String toString() {
            return "NasClient.Request[name=" + name + ", address=" + address + ", secret=<hidden>]";
        }
    }

    record Page(List<NasClient> items) {}

    /** The workspace's NAS clients. */
    public static List<NasClient> list(io.reroute.tenantui.platform.PlatformApi api) {
        return api.get("/api/v1/nas-clients").as(Page.class).items();
    }
}
