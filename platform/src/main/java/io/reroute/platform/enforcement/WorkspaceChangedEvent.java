package io.reroute.platform.enforcement;

import java.time.Instant;

/**
 * The outbox event of a change to what gateways enforce for a workspace, carrying the whole new view
 * (as a snapshot's workspace line has it), so applying the latest one is enough.
 */
public record WorkspaceChangedEvent(GatewayWorkspace workspace, Instant occurredAt) {

    /** The event type, stored in the outbox and sent as the stream entry's {@code type} field. */
    public static final String TYPE = "workspace.changed";
}
