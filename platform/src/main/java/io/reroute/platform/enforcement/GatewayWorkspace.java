package io.reroute.platform.enforcement;

import io.reroute.platform.tenancy.WorkspaceId;
import java.util.List;

/**
 * What a gateway needs of a workspace to redirect its restricted subscribers: where to send them
 * (landing addresses, the reminder host the portal answers on) and what stays reachable (the
 * allowlist: host names, {@code *.domain} wildcards and CIDRs, as stored).
 */
public record GatewayWorkspace(
        WorkspaceId workspaceId, String reminderHost, String landingIpv4, String landingIpv6, List<String> allowlist) {}
