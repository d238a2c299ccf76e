package io.reroute.platform.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Routers registered through the public API, and gateways' reports on them, for tests. */
public final class RouterFixtures {

    public static final String PASSWORD = "router-api-password-42";

    private RouterFixtures() {}

    /** Registers an ACCESS router at {@code host} with user {@code reroute} and {@link #PASSWORD}; returns its id. */
    public static String register(TestWorkspace w, String name, String host) {
        return w.create(
                "/api/v1/routers", Map.of("name", name, "host", host, "username", "reroute", "password", PASSWORD));
    }

    /** A gateway's report on a router, as its accounting stream carries it; {@code job} null for a periodic one. */
    public static Map<String, String> report(
            String workspace, String router, String job, String kind, boolean succeeded, String result, Instant at) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("type", "router");
        fields.put("workspace", workspace);
        fields.put("router", router);
        fields.put("job", job == null ? "" : job);
        fields.put("kind", kind);
        fields.put("outcome", succeeded ? "SUCCEEDED" : "FAILED");
        fields.put("at", Long.toString(at.toEpochMilli()));
        fields.put("identity", succeeded ? "core-1" : "");
        fields.put("version", succeeded ? "7.16.2 (stable)" : "");
        fields.put("error", succeeded ? "" : "connection refused");
        fields.put("result", result == null ? "" : result);
        return fields;
    }
}
