package io.reroute.gateway.router.internal;

import io.reroute.gateway.router.RestrictedLists;
import io.reroute.gateway.router.RouterListing;
import io.reroute.gateway.router.RouterListing.Membership;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.state.Router;
import io.reroute.routeros.RouterObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each router's restricted address list as this gateway last read it: the addresses on it and the
 * subscribers whose tagged entries are on it. Kept from the reads reconciliation does anyway, so it
 * costs no call to a router; a router another replica reconciles is unknown here.
 */
@Component
class RestrictedListSightings implements RestrictedLists {

    private record Key(UUID workspace, UUID router) {}

    private record Sighting(String list, Set<String> addresses, Set<String> markers, Instant at) {}

    private final Map<Key, Sighting> sightings = new ConcurrentHashMap<>();
    private final RegionState state;
    private final Clock clock;

    RestrictedListSightings(RegionState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /**
     * The list as printed, with the changes then made to it ({@code applied}: empty when nothing
     * was fixed) taken into account.
     */
    void read(Router router, String list, List<Map<String, String>> printed, List<RouterChange> applied) {
        var byId = new HashMap<String, Map<String, String>>();
        var added = new ArrayList<Map<String, String>>();
        for (var item : printed) {
            byId.put(item.getOrDefault(RouterPlans.ID, "printed:" + byId.size()), item);
        }
        for (RouterChange change : applied) {
            if (!RouterWork.ADDRESS_LIST.equals(change.path())) {
                continue;
            }
            switch (change.action()) {
                case ADD -> added.add(change.properties());
                case REMOVE -> byId.remove(change.id());
                case SET -> {
                    var merged = new HashMap<>(byId.getOrDefault(change.id(), Map.of()));
                    merged.putAll(change.properties());
                    byId.put(change.id(), merged);
                }
                case MOVE -> {
                    // Order does not change who is listed.
                }
            }
        }
        var addresses = new HashSet<String>();
        var markers = new HashSet<String>();
        for (var items : List.of(byId.values(), added)) {
            for (var item : items) {
                if (item.get("address") != null) {
                    addresses.add(bare(item.get("address")));
                }
                if (RouterObject.subscriberEntry(item.get(RouterPlans.COMMENT))) {
                    markers.add(item.get(RouterPlans.COMMENT));
                }
            }
        }
        sightings.put(key(router), new Sighting(list, Set.copyOf(addresses), Set.copyOf(markers), clock.instant()));
    }

    /** One address put on ({@code listed}) or taken off the list; only a list read before is updated. */
    void saw(Router router, String address, boolean listed) {
        sightings.computeIfPresent(key(router), (key, sighting) -> {
            var addresses = new HashSet<>(sighting.addresses());
            if (listed) {
                addresses.add(bare(address));
            } else {
                addresses.remove(bare(address));
            }
            return new Sighting(sighting.list(), Set.copyOf(addresses), sighting.markers(), clock.instant());
        });
    }

    @Override
    public List<RouterListing> membership(UUID workspace, UUID subscriber, Collection<String> addresses) {
        var routers = state.workspace(workspace).map(w -> w.routers()).orElse(List.of());
        var listings = new ArrayList<RouterListing>();
        String marker = RouterWork.SUBSCRIBER_GROUP + subscriber;
        for (Router router : routers) {
            Sighting sighting = sightings.get(key(router));
            if (sighting == null) {
                listings.add(new RouterListing(router.id(), router.name(), null, Membership.UNKNOWN, null, null));
                continue;
            }
            String found = addresses.stream()
                    .map(RestrictedListSightings::bare)
                    .filter(sighting.addresses()::contains)
                    .findFirst()
                    .orElse(null);
            Membership membership = found != null || sighting.markers().contains(marker)
                    ? Membership.LISTED
                    : addresses.isEmpty() ? Membership.UNKNOWN : Membership.NOT_LISTED;
            listings.add(
                    new RouterListing(router.id(), router.name(), sighting.list(), membership, sighting.at(), found));
        }
        return listings;
    }

    private static Key key(Router router) {
        return new Key(router.workspaceId(), router.id());
    }

    /** An address as RouterOS prints a single host: without {@code /32}. */
    private static String bare(String address) {
        return address != null && address.endsWith("/32") ? address.substring(0, address.length() - 3) : address;
    }
}
