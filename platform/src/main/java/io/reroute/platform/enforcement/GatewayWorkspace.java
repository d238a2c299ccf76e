package io.reroute.platform.enforcement;

import io.reroute.platform.nas.GatewayNasClient;
import io.reroute.platform.router.GatewayRouter;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.workspace.RadiusProfile;
import java.util.List;

/**
 * What a gateway needs of a workspace: where to send its restricted subscribers (landing addresses,
 * the reminder host the portal answers on), what stays reachable (the allowlist: host names, {@code
 * *.domain} wildcards and CIDRs, as stored), how to answer RADIUS (the restricted profile) and whom
 * (the NAS clients, secrets sealed for the region), and which routers to configure (passwords
 * sealed the same way).
 */
public record GatewayWorkspace(
        WorkspaceId workspaceId,
        String reminderHost,
        String landingIpv4,
        String landingIpv6,
        List<String> allowlist,
        RadiusProfile radius,
        List<GatewayNasClient> nasClients,
        List<GatewayRouter> routers) {}
