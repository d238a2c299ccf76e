package io.reroute.gateway.support;

import io.reroute.seal.RegionSeal;
import io.reroute.seal.SealContexts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The platform's region snapshot lines and stream entries, in its wire format, for feeding a gateway. */
public final class Snapshots {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Snapshots() {}

    /** A whole NDJSON snapshot at stream position 0-0 of the given workspace and subscriber lines. */
    public static String snapshot(String region, String... lines) {
        long subscribers = Stream.of(lines)
                .filter(l -> l.contains("\"type\":\"subscriber\""))
                .count();
        return Stream.concat(
                                Stream.of("{\"type\":\"snapshot\",\"region\":\"" + region + "\",\"position\":\"0-0\"}"),
                                Stream.concat(
                                        Stream.of(lines),
                                        Stream.of("{\"type\":\"end\",\"subscribers\":" + subscribers + "}")))
                        .collect(Collectors.joining("\n"))
                + "\n";
    }

    /** A workspace line; {@code reminderHost} and landing addresses may be null. */
    public static String workspace(
            UUID id, String reminderHost, String landingIpv4, String landingIpv6, String... allowlist) {
        return "{\"type\":\"workspace\",\"workspace\":"
                + workspaceView(id, reminderHost, landingIpv4, landingIpv6, allowlist) + "}";
    }

    /** What gateways know of a workspace, as snapshot lines and {@code workspace.changed} events carry it. */
    private static String workspaceView(
            UUID id, String reminderHost, String landingIpv4, String landingIpv6, String... allowlist) {
        String entries = Stream.of(allowlist).map(e -> "\"" + e + "\"").collect(Collectors.joining(","));
        return "{\"workspaceId\":\"" + id + "\",\"reminderHost\":" + quoted(reminderHost) + ",\"landingIpv4\":"
                + quoted(landingIpv4) + ",\"landingIpv6\":" + quoted(landingIpv6) + ",\"allowlist\":[" + entries
                + "]}";
    }

    /** Appends a workspace change to the region's stream as the platform's relay does. */
    public static void publishWorkspace(
            ReactiveStringRedisTemplate redis,
            String region,
            UUID workspace,
            String reminderHost,
            String landingIpv4,
            String landingIpv6,
            String... allowlist) {
        String view = workspaceView(workspace, reminderHost, landingIpv4, landingIpv6, allowlist);
        append(
                redis,
                region,
                "workspace.changed",
                workspace,
                "",
                0,
                "{\"workspace\":" + view + ",\"occurredAt\":\"2026-11-21T00:00:00Z\"}");
    }

    /** A NAS client of a workspace line: its secret is sealed for the region as the platform does. */
    public record Nas(
            UUID id, String address, String secret, String vendor, boolean requireMessageAuthenticator, int coaPort) {

        public Nas(UUID id, String address, String secret, String vendor, boolean requireMessageAuthenticator) {
            this(id, address, secret, vendor, requireMessageAuthenticator, 3799);
        }

        public static Nas mikrotik(String address, String secret) {
            return new Nas(UUID.randomUUID(), address, secret, "MIKROTIK", true);
        }

        /** A MikroTik NAS whose CoA listener is at {@code coaPort}. */
        public static Nas mikrotik(String address, String secret, int coaPort) {
            return new Nas(UUID.randomUUID(), address, secret, "MIKROTIK", true, coaPort);
        }
    }

    /** A router of a workspace line: its API password is sealed for the region as the platform does. */
    public record Router(UUID id, String role, int port, String password, UUID nasId) {

        /** An ACCESS router that is the NAS {@code nasId} (or none), reached at 127.0.0.1:{@code port}. */
        public static Router access(int port, String password, UUID nasId) {
            return new Router(UUID.randomUUID(), "ACCESS", port, password, nasId);
        }

        /** An EDGE router (static and DHCP subscribers) reached at 127.0.0.1:{@code port}. */
        public static Router edge(int port, String password) {
            return new Router(UUID.randomUUID(), "EDGE", port, password, null);
        }
    }

    /** A workspace line with a RADIUS profile and NAS clients, and no landing addresses or allowlist. */
    public static String radiusWorkspace(
            UUID id, RegionSeal seal, String addressList, String rateLimit, String pool, Nas... nasClients) {
        var view = routerWorkspaceView(
                id, seal, null, null, List.of(), addressList, rateLimit, pool, List.of(nasClients), List.of());
        return JSON.writeValueAsString(Map.of("type", "workspace", "workspace", view));
    }

    /** A workspace line with everything the router features use; rate limit 256k/256k, no pool. */
    public static String routerWorkspace(
            UUID id,
            RegionSeal seal,
            String reminderHost,
            String landingIpv4,
            List<String> allowlist,
            String addressList,
            List<Nas> nasClients,
            List<Router> routers) {
        return JSON.writeValueAsString(Map.of(
                "type",
                "workspace",
                "workspace",
                routerWorkspaceView(
                        id,
                        seal,
                        reminderHost,
                        landingIpv4,
                        allowlist,
                        addressList,
                        "256k/256k",
                        null,
                        nasClients,
                        routers)));
    }

    /** Asks the region's gateways for a router job as the platform does; the job's id. */
    public static UUID publishRouterJob(
            ReactiveStringRedisTemplate redis, String region, UUID workspace, UUID router, String kind) {
        UUID job = UUID.randomUUID();
        String event = JSON.writeValueAsString(Map.of(
                "jobId", job.toString(),
                "workspaceId", workspace.toString(),
                "routerId", router.toString(),
                "kind", kind,
                "occurredAt", "2026-11-21T00:00:00Z"));
        append(redis, region, "router.job-requested", workspace, "", 0, event);
        return job;
    }

    private static Map<String, Object> routerWorkspaceView(
            UUID id,
            RegionSeal seal,
            String reminderHost,
            String landingIpv4,
            List<String> allowlist,
            String addressList,
            String rateLimit,
            String pool,
            List<Nas> nasClients,
            List<Router> routers) {
        var radius = new LinkedHashMap<String, Object>();
        radius.put("restrictedAddressList", addressList);
        radius.put("restrictedRateLimit", rateLimit);
        radius.put("restrictedPool", pool);
        radius.put("interimIntervalSeconds", 300);
        var nas = nasClients.stream()
                .map(n -> Map.of(
                        "id", n.id().toString(),
                        "name", "nas-" + n.address(),
                        "address", n.address(),
                        "sealedSecret", seal.seal(n.secret(), SealContexts.nasSecret(id, n.id())),
                        "coaPort", n.coaPort(),
                        "vendor", n.vendor(),
                        "requireMessageAuthenticator", n.requireMessageAuthenticator()))
                .toList();
        var routerViews = routers.stream()
                .map(r -> {
                    var router = new LinkedHashMap<String, Object>();
                    router.put("id", r.id().toString());
                    router.put("name", "router-" + r.port());
                    router.put("host", "127.0.0.1");
                    router.put("port", r.port());
                    router.put("tls", false);
                    router.put("username", "reroute");
                    router.put("sealedPassword", seal.seal(r.password(), SealContexts.routerPassword(id, r.id())));
                    router.put("role", r.role());
                    router.put("nasId", r.nasId() == null ? null : r.nasId().toString());
                    return router;
                })
                .toList();
        var view = new LinkedHashMap<String, Object>();
        view.put("workspaceId", id.toString());
        view.put("reminderHost", reminderHost);
        view.put("landingIpv4", landingIpv4);
        view.put("allowlist", allowlist);
        view.put("radius", radius);
        view.put("nasClients", nas);
        view.put("routers", routerViews);
        return view;
    }

    /** A subscriber line with PPPoE credentials (the password sealed for the region) and a plan rate. */
    public static String pppoeSubscriberLine(
            RegionSeal seal,
            UUID workspace,
            UUID id,
            String username,
            String password,
            String state,
            String ipv4,
            String rateLimit) {
        var subscriber = pppoeSubscriber(seal, workspace, id, username, password, state, ipv4, rateLimit);
        return JSON.writeValueAsString(Map.of("type", "subscriber", "subscriber", subscriber));
    }

    /**
     * A {@link #pppoeSubscriberLine} without a static address on a plan with a data cap: what
     * reaching it does ({@code REDIRECT} or {@code THROTTLE}) and the bytes left (null: unknown).
     */
    public static String cappedPlanSubscriberLine(
            RegionSeal seal,
            UUID workspace,
            UUID id,
            String username,
            String password,
            String state,
            String rateLimit,
            String capAction,
            Long dataRemaining) {
        var subscriber = pppoeSubscriber(seal, workspace, id, username, password, state, null, rateLimit);
        subscriber.put("capAction", capAction);
        subscriber.put("dataRemaining", dataRemaining);
        return JSON.writeValueAsString(Map.of("type", "subscriber", "subscriber", subscriber));
    }

    private static Map<String, Object> pppoeSubscriber(
            RegionSeal seal,
            UUID workspace,
            UUID id,
            String username,
            String password,
            String state,
            String ipv4,
            String rateLimit) {
        var subscriber = new LinkedHashMap<String, Object>();
        subscriber.put("workspaceId", workspace.toString());
        subscriber.put("subscriberId", id.toString());
        subscriber.put("accountNumber", "A-" + id.toString().substring(0, 8));
        subscriber.put("version", 1);
        subscriber.put("state", state);
        subscriber.put("staticIpv4", ipv4);
        subscriber.put("pppoeUsername", username);
        subscriber.put("profileVersion", 1);
        subscriber.put("pppoePassword", seal.seal(password, SealContexts.pppoePassword(workspace, id)));
        subscriber.put("rateLimit", rateLimit);
        return subscriber;
    }

    public static String subscriberLine(UUID workspace, UUID id, String ipv4, long version, String state) {
        return "{\"type\":\"subscriber\",\"subscriber\":" + subscriber(workspace, id, ipv4, version, state) + "}";
    }

    /** Appends a state change to the region's stream as the platform's relay does. */
    public static void publish(
            ReactiveStringRedisTemplate redis,
            String region,
            UUID workspace,
            UUID subscriber,
            String ipv4,
            long version,
            String state) {
        String event = "{\"subscriber\":" + subscriber(workspace, subscriber, ipv4, version, state)
                + ",\"previousState\":\"BLOCKED\",\"reason\":\"test\",\"actor\":\"t\","
                + "\"occurredAt\":\"2026-11-21T00:00:00Z\"}";
        append(redis, region, "subscriber.state-changed", workspace, subscriber.toString(), version, event);
    }

    /** Appends a quota update (the subscriber's data left, null: unlimited) as the platform does. */
    public static void publishQuota(
            ReactiveStringRedisTemplate redis, String region, UUID workspace, UUID subscriber, Long dataRemaining) {
        var event = new LinkedHashMap<String, Object>();
        event.put("workspaceId", workspace.toString());
        event.put("subscriberId", subscriber.toString());
        event.put("dataRemaining", dataRemaining);
        event.put("occurredAt", "2026-11-21T00:00:00Z");
        append(redis, region, "subscriber.quota", workspace, subscriber.toString(), 0, JSON.writeValueAsString(event));
    }

    /** One entry with the fields the relay writes. */
    private static void append(
            ReactiveStringRedisTemplate redis,
            String region,
            String type,
            UUID workspace,
            String subscriber,
            long version,
            String event) {
        redis.opsForStream()
                .add(StreamRecords.string(Map.of(
                                "type", type,
                                "workspace", workspace.toString(),
                                "subscriber", subscriber,
                                "version", Long.toString(version),
                                "event", event))
                        .withStreamKey("reroute:region:" + region + ":enforcement"))
                .block();
    }

    /** A subscriber as platforms before profile versions and RADIUS wrote it, which gateways still read. */
    private static String subscriber(UUID workspace, UUID id, String ipv4, long version, String state) {
        return "{\"workspaceId\":\"" + workspace + "\",\"subscriberId\":\"" + id + "\",\"accountNumber\":\"A-"
                + id.toString().substring(0, 8) + "\",\"version\":" + version + ",\"state\":\"" + state
                + "\",\"pppoeUsername\":null,\"staticIpv4\":" + quoted(ipv4)
                + ",\"staticIpv6\":null,\"delegatedPrefix\":null,\"nasId\":null}";
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
