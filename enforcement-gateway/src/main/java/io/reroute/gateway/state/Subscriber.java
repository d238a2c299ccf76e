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
 * @param rateLimit the plan's speed as a MikroTik rate limit ({@code upload/download}); for a
 *     throttled capped subscriber, the throttle speed
 * @param capAction what reaching the plan's data cap does, {@code REDIRECT} or {@code THROTTLE};
 *     null when the plan has no cap
 * @param dataRemaining bytes of data left this cycle; null when unlimited or unknown
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
        String rateLimit,
        // Both absent from records of platforms older than data caps: null.
        String capAction,
        Long dataRemaining) {

    private static final String CAPPED = "CAPPED";
    private static final String THROTTLE = "THROTTLE";

    public Subscriber {
        // A million subscribers share a handful of states, plans and cap actions: keep one copy of each.
        state = state == null ? null : state.intern();
        rateLimit = rateLimit == null ? null : rateLimit.intern();
        capAction = capAction == null ? null : capAction.intern();
    }

    /**
     * Whether the gateway sends this subscriber to the portal instead of the internet. A capped
     * subscriber whose plan throttles stays online, at the throttle speed the platform put in {@code
     * rateLimit}.
     */
    public boolean redirected() {
        return "BLOCKED".equals(state) || "SUSPENDED".equals(state) || (CAPPED.equals(state) && !throttled());
    }

    /** Whether this subscriber reached a cap that slows them down rather than redirecting them. */
    public boolean throttled() {
        return CAPPED.equals(state) && THROTTLE.equals(capAction);
    }

    /** This record with the platform's latest count of data left; versions unchanged. */
    public Subscriber withDataRemaining(Long remaining) {
        return new Subscriber(
                workspaceId,
                subscriberId,
                accountNumber,
                version,
                state,
                staticIpv4,
                staticIpv6,
                delegatedPrefix,
                pppoeUsername,
                profileVersion,
                pppoePassword,
                rateLimit,
                capAction,
                remaining);
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
