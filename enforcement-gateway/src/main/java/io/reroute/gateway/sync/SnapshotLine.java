package io.reroute.gateway.sync;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.reroute.gateway.state.RadiusProfile;
import io.reroute.gateway.state.Subscriber;
import java.util.List;
import java.util.UUID;

/** One NDJSON line of the platform's region snapshot; which fields are set depends on {@code type}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record SnapshotLine(String type, String position, WorkspaceLine workspace, Subscriber subscriber, Long subscribers) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WorkspaceLine(
            UUID workspaceId,
            String reminderHost,
            String landingIpv4,
            String landingIpv6,
            List<String> allowlist,
            RadiusProfile radius,
            List<NasLine> nasClients,
            List<RouterLine> routers) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RouterLine(
            UUID id,
            String name,
            String host,
            int port,
            boolean tls,
            String username,
            String sealedPassword,
            String role,
            UUID nasId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NasLine(
            UUID id,
            String name,
            String address,
            String sealedSecret,
            int coaPort,
            String vendor,
            boolean requireMessageAuthenticator) {}

    /** The {@code event} field of a {@code subscriber.state-changed} or {@code subscriber.profile-changed} entry. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StateChanged(Subscriber subscriber) {}

    /** The {@code event} field of a {@code subscriber.quota} entry: the data left, not versioned. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record QuotaChanged(UUID workspaceId, UUID subscriberId, Long dataRemaining) {}

    /** The {@code event} field of a {@code workspace.changed} stream entry. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record WorkspaceChanged(WorkspaceLine workspace) {}
}
