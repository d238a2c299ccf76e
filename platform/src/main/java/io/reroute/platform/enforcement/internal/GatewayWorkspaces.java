package io.reroute.platform.enforcement.internal;

import io.reroute.platform.allowlist.AllowlistEntry;
import io.reroute.platform.allowlist.Allowlists;
import io.reroute.platform.enforcement.GatewayWorkspace;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.workspace.Workspaces;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A workspace as gateways see it, read inside the caller's workspace transaction. */
@Component
class GatewayWorkspaces {

    private final Workspaces workspaces;
    private final Allowlists allowlists;

    GatewayWorkspaces(Workspaces workspaces, Allowlists allowlists) {
        this.workspaces = workspaces;
        this.allowlists = allowlists;
    }

    Mono<GatewayWorkspace> find(WorkspaceId workspace) {
        return Mono.zip(
                        workspaces.settings(workspace),
                        allowlists.entries(workspace).map(AllowlistEntry::value).collectList())
                .map(t -> {
                    var landing = t.getT1().landing();
                    return new GatewayWorkspace(
                            workspace,
                            t.getT1().reminderHost(),
                            landing == null ? null : landing.ipv4(),
                            landing == null ? null : landing.ipv6(),
                            t.getT2());
                });
    }
}
