package io.reroute.platform.router;

import io.reroute.routeros.RouterRole;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A router to register, or the full replacement of one (PUT): absent optional values take their
 * defaults, except the password, which an update keeps when it is absent.
 *
 * @param host a host name or address the region's gateways reach the router's API on
 * @param port default 8728, or 8729 with {@code tls} (API-SSL)
 * @param password the API user's password; give the user a group with the policies {@code read,
 *     write, api} only
 * @param role default ACCESS
 * @param nasId the NAS client this router is, if any
 */
public record RouterRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 253) String host,
        @Min(1) @Max(65535) Integer port,
        Boolean tls,
        @NotBlank @Size(max = 100) String username,
        @Size(min = 1, max = 128) String password,
        RouterRole role,
        UUID nasId) {

    @Override
    public String toString() {
        return "RouterRequest[name=" + name + ", host=" + host + ", port=" + port + ", tls=" + tls + ", username="
                + username + ", password=<hidden>, role=" + role + ", nasId=" + nasId + "]";
    }
}
