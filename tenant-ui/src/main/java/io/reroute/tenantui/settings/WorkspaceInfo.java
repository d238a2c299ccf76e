package io.reroute.tenantui.settings;

/** The workspace as {@code GET /api/v1/workspace} shows it; slug, region and currency never change. */
public record WorkspaceInfo(String slug, String displayName, String region, String currency) {}
