package io.reroute.platform.apiclient;

import io.reroute.platform.security.ApiScope;
import io.reroute.platform.tenancy.WorkspaceId;
import java.util.Set;

/** An API client whose credentials checked out: the workspace it belongs to and what it may do. */
public record AuthenticatedClient(WorkspaceId workspace, String clientId, Set<ApiScope> scopes) {}
