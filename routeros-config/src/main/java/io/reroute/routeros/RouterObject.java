package io.reroute.routeros;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One configuration item Reroute owns on a MikroTik router: the menu it lives in (the API path,
 * such as {@code /ip/firewall/nat}), its marker and its properties. The marker is the item's
 * comment: it makes the item ours, names it across applies, and nothing without one is ever
 * touched.
 *
 * @param properties the item's properties in the order RouterOS prints them, without the comment
 */
public record RouterObject(String path, String marker, Map<String, String> properties) {

    /** Every marker starts with it; an ISP's own objects never do. */
    public static final String MARKER_PREFIX = "reroute:";

    private static final String SUBSCRIBER_GROUP = MARKER_PREFIX + "sub:";

    public RouterObject {
        if (!marker.startsWith(MARKER_PREFIX) || marker.indexOf(':', MARKER_PREFIX.length()) < 0) {
            throw new IllegalArgumentException("marker must look like reroute:<group>:<name>: " + marker);
        }
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * The entry that keeps a restricted subscriber's address in the restricted address list, for
     * addresses RADIUS does not put there itself (static and DHCP subscribers, and a session no
     * RADIUS request could move).
     */
    public static RouterObject subscriberEntry(String addressList, String address, UUID subscriberId) {
        var properties = new LinkedHashMap<String, String>();
        properties.put("list", addressList);
        properties.put("address", address);
        return new RouterObject(UnpaidFlow.ADDRESS_LIST, SUBSCRIBER_GROUP + subscriberId, properties);
    }

    /** Whether an item with this comment is one of ours. */
    public static boolean ours(String comment) {
        return comment != null && comment.startsWith(MARKER_PREFIX);
    }

    /** Whether an item with this comment is a subscriber entry of ours. */
    public static boolean subscriberEntry(String comment) {
        return comment != null && comment.startsWith(SUBSCRIBER_GROUP);
    }

    /**
     * The marker prefix shared by the items one apply owns together ({@code reroute:nat:}), so
     * that items of the group no longer wanted are removed and other groups are left alone.
     */
    public String group() {
        return marker.substring(0, marker.indexOf(':', MARKER_PREFIX.length()) + 1);
    }
}
