package io.reroute.gateway.router.internal;

import io.reroute.gateway.radius.RadiusSession;
import io.reroute.gateway.radius.RadiusSessions;
import io.reroute.gateway.state.RegionState;
import io.reroute.gateway.state.Router;
import io.reroute.gateway.state.Subscriber;
import io.reroute.gateway.state.Workspace;
import io.reroute.routeros.RouterObject;
import io.reroute.routeros.RouterRole;
import io.reroute.routeros.UnpaidFlow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the gateway does on a router, blocking (run through {@link RouterSessions}): test the
 * connection, apply the unpaid flow, reconcile the restricted address list and our tagged
 * configuration with the gateway's view of the workspace, and the live-enforcement last resort.
 */
@Component
class RouterWork {

    static final String ADDRESS_LIST = "/ip/firewall/address-list";
    static final String PPP_ACTIVE = "/ppp/active";
    static final String SUBSCRIBER_GROUP = "reroute:sub:";

    /** The menus the flow owns, with the marker group of each; firewall tables are kept in order. */
    private static final List<Table> FLOW_TABLES = List.of(
            new Table(ADDRESS_LIST, "reroute:allow:", false),
            new Table("/ip/firewall/nat", "reroute:nat:", true),
            new Table("/ip/firewall/filter", "reroute:filter:", true),
            new Table("/ppp/profile", "reroute:ppp:", false));

    private record Table(String path, String group, boolean ordered) {}

    /** What a job found or did. */
    record Outcome(Map<String, String> router, List<RouterChange> changes, boolean fixed) {}

    private final RegionState state;
    private final ObjectProvider<RadiusSessions> radiusSessions;
    private final RestrictedListSightings sightings;

    RouterWork(RegionState state, ObjectProvider<RadiusSessions> radiusSessions, RestrictedListSightings sightings) {
        this.state = state;
        this.radiusSessions = radiusSessions;
        this.sightings = sightings;
    }

    Outcome test(RouterOsClient client) throws RouterOsException {
        return new Outcome(client.describe(), List.of(), false);
    }

    /** Makes the router's tagged configuration the flow's; reports what it changed. */
    Outcome apply(RouterOsClient client, Router router) throws RouterOsException {
        return new Outcome(client.describe(), configuration(client, flow(router), true), true);
    }

    /**
     * Compares the configuration and the restricted address list with what the gateway enforces
     * and, when {@code fix}, makes them so; reports the drift found.
     */
    Outcome reconcile(RouterOsClient client, Router router, boolean fix) throws RouterOsException {
        var flow = flow(router);
        var drift = configuration(client, flow, fix);
        drift.addAll(restrictedAddresses(client, router, flow.addressList(), fix));
        return new Outcome(client.describe(), drift, fix);
    }

    /** The flow's tables against the router: the changes that make them the flow's, made when {@code fix}. */
    private List<RouterChange> configuration(RouterOsClient client, UnpaidFlow flow, boolean fix)
            throws RouterOsException {
        var objects = flow.objects();
        var changes = new ArrayList<RouterChange>();
        for (Table table : FLOW_TABLES) {
            changes.addAll(sync(client, table, objects, query(table, flow), fix));
        }
        return changes;
    }

    /**
     * The last resort for one session: restricting puts its address in the restricted list (tagged
     * as the subscriber's, so reconciliation owns it); anything else removes that entry and the
     * PPP session, which logs in again into the subscriber's current standing.
     */
    void enforce(RouterOsClient client, Router router, RadiusSession session, boolean restrict)
            throws RouterOsException {
        String addressList = workspace(router).radius().restrictedAddressList();
        String marker = SUBSCRIBER_GROUP + session.subscriberId();
        var listed = client.print(ADDRESS_LIST, Map.of("list", addressList, "address", session.framedIpv4()));
        if (restrict) {
            if (listed.isEmpty()) {
                client.add(
                        ADDRESS_LIST,
                        RouterPlans.withComment(RouterObject.subscriberEntry(
                                addressList, session.framedIpv4(), session.subscriberId())));
            }
            sightings.saw(router, session.framedIpv4(), true);
            return;
        }
        for (var entry : listed) {
            if (marker.equals(entry.get(RouterPlans.COMMENT))) {
                client.remove(ADDRESS_LIST, entry.get(RouterPlans.ID));
            }
        }
        for (var active : client.print(PPP_ACTIVE, Map.of("address", session.framedIpv4()))) {
            client.remove(PPP_ACTIVE, active.get(RouterPlans.ID));
        }
        // Our entry is gone, and a dynamic one went with the session; an entry of the ISP's stays.
        sightings.saw(
                router,
                session.framedIpv4(),
                listed.stream()
                        .anyMatch(entry ->
                                !marker.equals(entry.get(RouterPlans.COMMENT)) && !RouterPlans.dynamic(entry)));
    }

    /** The workspace's router on which {@code session} runs (the router that is its NAS), if any. */
    Optional<Router> routerOf(RadiusSession session) {
        return state.workspace(session.workspaceId()).flatMap(w -> w.routers().stream()
                .filter(r -> session.nasId().equals(r.nasId()))
                .findFirst());
    }

    private List<RouterChange> sync(
            RouterOsClient client, Table table, List<RouterObject> all, Map<String, String> query, boolean fix)
            throws RouterOsException {
        var wanted = all.stream().filter(o -> o.path().equals(table.path())).toList();
        var actual = client.print(table.path(), query);
        var changes = new ArrayList<>(RouterPlans.plan(table.path(), Set.of(table.group()), wanted, actual));
        if (fix) {
            execute(client, changes);
        }
        if (table.ordered()) {
            var now = fix && !changes.isEmpty() ? client.print(table.path(), query) : actual;
            var moves = RouterPlans.order(
                    table.path(), wanted.stream().map(RouterObject::marker).toList(), now);
            if (fix) {
                execute(client, moves);
            }
            changes.addAll(moves);
        }
        return changes;
    }

    /**
     * The restricted list against the gateway's view: every address of a restricted subscriber in
     * it (put there by RADIUS, by the ISP, or by us, tagged), none of ours left for a subscriber no
     * longer restricted, and no PPP session of a restored subscriber still in it by RADIUS (ended,
     * so that it logs in again with its plan).
     */
    private List<RouterChange> restrictedAddresses(
            RouterOsClient client, Router router, String addressList, boolean fix) throws RouterOsException {
        var actual = client.print(ADDRESS_LIST, Map.of("list", addressList));
        var listedByOthers = new HashSet<String>();
        for (var item : actual) {
            if (!RouterObject.subscriberEntry(item.get(RouterPlans.COMMENT))) {
                listedByOthers.add(bare(item.get("address")));
            }
        }
        var wanted = new ArrayList<RouterObject>();
        var seen = new HashSet<String>();
        restricted(router).forEach((address, subscriber) -> {
            if (!listedByOthers.contains(address) && seen.add(address)) {
                wanted.add(RouterObject.subscriberEntry(addressList, address, subscriber));
            }
        });
        var changes = new ArrayList<>(RouterPlans.plan(ADDRESS_LIST, Set.of(SUBSCRIBER_GROUP), wanted, actual));
        if (fix) {
            execute(client, changes);
        }
        sightings.read(router, addressList, actual, fix ? changes : List.of());
        changes.addAll(staleSessions(client, router, actual, fix));
        return changes;
    }

    /** Addresses of restricted subscribers this router should list, with whose they are. */
    private Map<String, UUID> restricted(Router router) {
        var addresses = new LinkedHashMap<String, UUID>();
        if (router.nasId() != null && RouterRole.ACCESS.name().equals(router.role())) {
            for (RadiusSession session : openSessions(router)) {
                if (session.framedIpv4() != null && redirected(session.subscriberId())) {
                    addresses.put(session.framedIpv4(), session.subscriberId());
                }
            }
            return addresses;
        }
        for (Subscriber subscriber : state.subscribers()) {
            if (subscriber.workspaceId().equals(router.workspaceId())
                    && subscriber.redirected()
                    && subscriber.staticIpv4() != null) {
                addresses.put(bare(subscriber.staticIpv4()), subscriber.subscriberId());
            }
        }
        return addresses;
    }

    /** Dynamic (RADIUS-given) entries of sessions whose subscriber is no longer restricted. */
    private List<RouterChange> staleSessions(
            RouterOsClient client, Router router, List<Map<String, String>> listed, boolean fix)
            throws RouterOsException {
        if (router.nasId() == null) {
            return List.of();
        }
        var sessionsByAddress = new HashMap<String, RadiusSession>();
        for (RadiusSession session : openSessions(router)) {
            if (session.framedIpv4() != null) {
                sessionsByAddress.put(session.framedIpv4(), session);
            }
        }
        var changes = new ArrayList<RouterChange>();
        for (var item : listed) {
            if (!RouterPlans.dynamic(item)) {
                continue;
            }
            RadiusSession session = sessionsByAddress.get(bare(item.get("address")));
            if (session == null || session.subscriberId() == null || redirected(session.subscriberId())) {
                continue;
            }
            for (var active : client.print(PPP_ACTIVE, Map.of("address", session.framedIpv4()))) {
                var change = new RouterChange(
                        RouterChange.Action.REMOVE,
                        PPP_ACTIVE,
                        "session:" + session.sessionId(),
                        active.get(RouterPlans.ID),
                        Map.of(),
                        null);
                if (fix) {
                    execute(client, List.of(change));
                }
                changes.add(change);
            }
        }
        return changes;
    }

    private List<RadiusSession> openSessions(Router router) {
        RadiusSessions sessions = radiusSessions.getIfAvailable();
        if (sessions == null) {
            return List.of();
        }
        return sessions.open(router.workspaceId()).stream()
                .filter(s -> router.nasId().equals(s.nasId()))
                .toList();
    }

    private boolean redirected(UUID subscriber) {
        return subscriber != null
                && state.subscriber(subscriber).map(Subscriber::redirected).orElse(false);
    }

    private static void execute(RouterOsClient client, List<RouterChange> changes) throws RouterOsException {
        for (RouterChange change : changes) {
            switch (change.action()) {
                case ADD -> client.add(change.path(), change.properties());
                case SET -> client.set(change.path(), change.id(), change.properties());
                case REMOVE -> client.remove(change.path(), change.id());
                case MOVE -> client.move(change.path(), change.id(), change.destination());
            }
        }
    }

    private UnpaidFlow flow(Router router) {
        Workspace w = workspace(router);
        var radius = w.radius();
        return new UnpaidFlow(
                RouterRole.valueOf(router.role()),
                radius.restrictedAddressList(),
                radius.restrictedRateLimit(),
                radius.restrictedPool(),
                w.landingIpv4() == null ? null : w.landingIpv4().getHostAddress(),
                w.reminderHost(),
                w.allowlist().entries());
    }

    private Workspace workspace(Router router) {
        return state.workspace(router.workspaceId())
                .orElseThrow(() -> new IllegalStateException("the router's workspace is not in this region"));
    }

    private static Map<String, String> query(Table table, UnpaidFlow flow) {
        return table.path().equals(ADDRESS_LIST) ? Map.of("list", flow.allowList()) : Map.of();
    }

    /** An address as RouterOS prints a single host: without {@code /32}. */
    private static String bare(String address) {
        return address != null && address.endsWith("/32") ? address.substring(0, address.length() - 3) : address;
    }
}
