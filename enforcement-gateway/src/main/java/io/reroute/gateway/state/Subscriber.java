package io.reroute.gateway.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * One subscriber as the gateway enforces it, at a version; addresses as the platform sent them.
 * Read straight from snapshot lines and stream events, which carry more than the gateway needs.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Subscriber(
        UUID workspaceId,
        UUID subscriberId,
        String accountNumber,
        long version,
        String state,
        String staticIpv4,
        String staticIpv6,
        String delegatedPrefix) {

    public Subscriber {
        // A million subscribers share a handful of states: keep one copy of each.
        state = state == null ? null : state.intern();
    }

    /** Whether the gateway sends this subscriber to the portal instead of the internet. */
    public boolean redirected() {
        return "BLOCKED".equals(state) || "SUSPENDED".equals(state) || "CAPPED".equals(state);
    }
}
