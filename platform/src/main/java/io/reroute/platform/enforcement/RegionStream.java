package io.reroute.platform.enforcement;

/**
 * The Redis Stream a region's gateways tail. Each entry carries {@code type}, {@code workspace},
 * {@code subscriber}, {@code version} and {@code event} (the JSON of a {@link StateChangedEvent}).
 * Delivery is at least once: after a relay crash an entry may appear twice, so consumers keep the
 * highest version per subscriber and ignore anything not newer.
 */
public final class RegionStream {

    private RegionStream() {}

    public static String key(String region) {
        return "reroute:region:" + region + ":enforcement";
    }
}
