package io.reroute.tenantui.settings;

import io.reroute.tenantui.platform.PlatformApi;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A destination restricted subscribers can still reach.
 *
 * @param matchType HOST, WILDCARD or CIDR, as the platform parsed the value
 * @param kind PORTAL, PAYMENT, SUPPORT or CUSTOM
 */
public record AllowlistEntry(UUID id, String value, String matchType, String kind, String note, Instant createdAt) {

    /** The body of {@code POST /api/v1/workspace/allowlist}. */
    record New(String value, String kind, String note) {}

    /** {@code GET /api/v1/workspace/allowlist}. */
    record Page(List<AllowlistEntry> items) {}

    /** The workspace's entries, ordered by value. */
    public static List<AllowlistEntry> list(PlatformApi api) {
        return api.get(AllowlistEditor.PATH).as(Page.class).items();
    }
}
