package io.reroute.gateway.router.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One change to bring a router's tagged items in line: what a reconciliation reports as drift and
 * what an apply or a fix executes.
 *
 * @param id the item's {@code .id} on the router; null for an addition
 * @param properties what an addition or update sets (the marker comment included)
 * @param destination for a move, the {@code .id} of the item it goes before; null for the end
 */
record RouterChange(
        Action action, String path, String marker, String id, Map<String, String> properties, String destination) {

    enum Action {
        /** A wanted item is missing. */
        ADD,
        /** An item of ours has other properties than wanted. */
        SET,
        /** An item of ours is no longer wanted, or is a duplicate. */
        REMOVE,
        /** Our firewall rules are not in order above the ISP's own. */
        MOVE
    }

    /** As a drift report lists it: never the properties, which may name subscribers' addresses only. */
    Map<String, String> describe() {
        String kind =
                switch (action) {
                    case ADD -> "MISSING";
                    case SET -> "CHANGED";
                    case REMOVE -> "UNEXPECTED";
                    case MOVE -> "OUT_OF_ORDER";
                };
        var described = new LinkedHashMap<String, String>();
        described.put("kind", kind);
        described.put("path", path);
        described.put("marker", marker);
        return described;
    }
}
