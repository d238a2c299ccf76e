package io.reroute.platform.workspace;

/** What it takes to open a workspace. */
public record NewWorkspace(String slug, String displayName, String region, String currency) {}
