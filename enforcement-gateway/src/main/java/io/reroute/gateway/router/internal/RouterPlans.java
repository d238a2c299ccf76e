package io.reroute.gateway.router.internal;

import io.reroute.gateway.router.internal.RouterChange.Action;
import io.reroute.routeros.RouterObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Works out, from what a router printed, the changes that make its tagged items the wanted ones.
 * Only items whose comment starts with one of the given marker groups are ever removed or changed;
 * everything else on the router is the ISP's and is left alone.
 */
final class RouterPlans {

    static final String ID = ".id";
    static final String COMMENT = "comment";

    private RouterPlans() {}

    /**
     * Removals first (so that an address or name they free can be taken by an addition), then
     * additions and updates in the wanted order.
     *
     * @param groups the marker groups this plan owns in {@code path}
     * @param actual the path's items as printed, in the router's order
     */
    static List<RouterChange> plan(
            String path, Set<String> groups, List<RouterObject> wanted, List<Map<String, String>> actual) {
        var wantedMarkers = new HashSet<String>();
        wanted.forEach(object -> wantedMarkers.add(object.marker()));
        var removals = new ArrayList<RouterChange>();
        var found = new LinkedHashMap<String, Map<String, String>>();
        for (Map<String, String> item : actual) {
            String comment = item.get(COMMENT);
            if (!owned(comment, groups) || dynamic(item)) {
                continue;
            }
            if (!wantedMarkers.contains(comment) || found.putIfAbsent(comment, item) != null) {
                removals.add(new RouterChange(Action.REMOVE, path, comment, item.get(ID), Map.of(), null));
            }
        }
        var changes = new ArrayList<>(removals);
        for (RouterObject object : wanted) {
            Map<String, String> item = found.get(object.marker());
            if (item == null) {
                changes.add(new RouterChange(Action.ADD, path, object.marker(), null, withComment(object), null));
            } else if (differs(object.properties(), item)) {
                changes.add(
                        new RouterChange(Action.SET, path, object.marker(), item.get(ID), object.properties(), null));
            }
        }
        return changes;
    }

    /**
     * Moves that put our rules, in the wanted order, above the first of the ISP's own rules
     * (dynamic rules RouterOS keeps at the top stay there); none when they already are.
     */
    static List<RouterChange> order(String path, List<String> markers, List<Map<String, String>> actual) {
        var positions = new LinkedHashMap<String, Integer>();
        String firstIsp = null;
        int firstIspIndex = Integer.MAX_VALUE;
        for (int i = 0; i < actual.size(); i++) {
            Map<String, String> item = actual.get(i);
            String comment = item.get(COMMENT);
            if (RouterObject.ours(comment)) {
                positions.putIfAbsent(comment, i);
            } else if (firstIsp == null && !dynamic(item)) {
                firstIsp = item.get(ID);
                firstIspIndex = i;
            }
        }
        int previous = -1;
        boolean inOrder = true;
        for (String marker : markers) {
            Integer position = positions.get(marker);
            if (position == null) {
                continue;
            }
            if (position < previous || position > firstIspIndex) {
                inOrder = false;
                break;
            }
            previous = position;
        }
        if (inOrder) {
            return List.of();
        }
        // Each moved before the ISP's first rule, in turn: they end up in order right above it.
        var moves = new ArrayList<RouterChange>();
        for (String marker : markers) {
            Integer position = positions.get(marker);
            if (position != null) {
                String id = actual.get(position).get(ID);
                moves.add(new RouterChange(Action.MOVE, path, marker, id, Map.of(), firstIsp));
            }
        }
        return moves;
    }

    static boolean dynamic(Map<String, String> item) {
        return "true".equals(item.get("dynamic"));
    }

    private static boolean owned(String comment, Set<String> groups) {
        if (comment == null) {
            return false;
        }
        for (String group : groups) {
            if (comment.startsWith(group)) {
                return true;
            }
        }
        return false;
    }

    private static boolean differs(Map<String, String> wanted, Map<String, String> item) {
        for (var property : wanted.entrySet()) {
            if (!Objects.equals(property.getValue(), item.get(property.getKey()))) {
                return true;
            }
        }
        return false;
    }

    /** The properties to add {@code object} with: its own and its marker as comment. */
    static Map<String, String> withComment(RouterObject object) {
        var properties = new LinkedHashMap<>(object.properties());
        properties.put(COMMENT, object.marker());
        return properties;
    }
}
