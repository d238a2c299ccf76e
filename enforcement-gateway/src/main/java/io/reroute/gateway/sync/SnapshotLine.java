package io.reroute.gateway.sync;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/** One NDJSON line of the platform's region snapshot; which fields are set depends on {@code type}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record SnapshotLine(
        String type,
        String stream,
        String position,
        WorkspaceLine workspace,
        SubscriberLine subscriber,
        Long subscribers) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WorkspaceLine(
            UUID workspaceId, String reminderHost, String landingIpv4, String landingIpv6, List<String> allowlist) {}

    /** A subscriber as snapshots and stream events carry it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SubscriberLine(
            UUID workspaceId,
            UUID subscriberId,
            String accountNumber,
            long version,
            String state,
            String staticIpv4,
            String staticIpv6,
            String delegatedPrefix) {}

    /** The {@code event} field of a stream entry. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StateChanged(SubscriberLine subscriber) {}
}
