package io.reroute.platform.enforcement;

/**
 * The Redis Stream a region's gateways tail. Each entry carries {@code type}, {@code workspace},
 * {@code subscriber}, {@code version} and {@code event}: the JSON of a {@link StateChangedEvent}, or
 * of a {@link WorkspaceChangedEvent} (no subscriber, version 0). Delivery is at least once: after a
 * relay crash an entry may appear twice, so consumers keep the highest version per subscriber and
 * ignore anything not newer. A workspace's events are in the order of its changes, each with the
 * whole new view, so the latest one applied is the current one.
 */
public final class RegionStream {

    private RegionStream() {}

    public static String key(String region) {
        return "reroute:region:" + region + ":enforcement";
    }
}
