package io.reroute.platform.session;

/**
 * The Redis Stream a region's gateways append accounting to and the platform reads with the
 * consumer group {@link #GROUP}. Entries of type {@code session} carry a session's whole standing
 * (counters so far, open or stopped), entries of type {@code nas-restarted} say that a NAS lost every
 * session that started before {@code at}; so an entry applied twice, or after a later one, changes
 * nothing.
 */
public final class AccountingStream {

    /** The platform's consumer group: its replicas share the entries. */
    public static final String GROUP = "platform";

    private AccountingStream() {}

    public static String key(String region) {
        return "reroute:region:" + region + ":accounting";
    }
}
