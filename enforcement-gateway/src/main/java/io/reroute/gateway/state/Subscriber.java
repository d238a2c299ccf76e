package io.reroute.gateway.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.UUID;

/**
 * One subscriber as the gateway enforces it, at a version; addresses as the platform sent them.
 * Read straight from snapshot lines and stream events, which carry more than the gateway needs.
 *
 * @param profileVersion counts changes that are not state changes (credentials, plan); with {@code
 *     version} it orders a subscriber's records, version first
 * @param pppoePassword sealed for this region by the platform; opened only to check a login
 * @param rateLimit the plan's speed as a MikroTik rate limit ({@code upload/download})
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
        String delegatedPrefix,
        String pppoeUsername,
        // Absent from records of platforms older than profile versions: 0.
        @JsonSetter(nulls = Nulls.AS_EMPTY) long profileVersion,
        String pppoePassword,
        String rateLimit) {

    public Subscriber {
        // A million subscribers share a handful of states and plans: keep one copy of each.
        state = state == null ? null : state.intern();
        rateLimit = rateLimit == null ? null : rateLimit.intern();
    }

    /** Whether the gateway sends this subscriber to the portal instead of the internet. */
    public boolean redirected() {
        return "BLOCKED".equals(state) || "SUSPENDED".equals(state) || "CAPPED".equals(state);
    }

    /** Whether this record is newer than {@code other} of the same subscriber. */
    public boolean newerThan(Subscriber other) {
        return version != other.version ? version > other.version : profileVersion > other.profileVersion;
    }

    @Override
    public String toString() {
        return "Subscriber[" + workspaceId + "/" + subscriberId + ", " + state + " v" + version + "/p" + profileVersion
                + "]";
    }
}
