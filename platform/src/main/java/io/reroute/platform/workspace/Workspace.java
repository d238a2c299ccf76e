package io.reroute.platform.workspace;

import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;

/** An ISP on the platform. Slug, region and currency are fixed at creation. */
public record Workspace(
        WorkspaceId id, String slug, String displayName, String region, String currency, Instant createdAt) {}
