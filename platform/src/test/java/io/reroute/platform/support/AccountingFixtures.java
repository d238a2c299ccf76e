package io.reroute.platform.support;

import io.reroute.platform.session.AccountingStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Accounting stream entries as a region's gateway appends them, for tests. */
public final class AccountingFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AccountingFixtures() {}

    /** A session's standing; {@code stoppedAt} null while open. */
    public static Map<String, String> session(
            String workspace,
            String nas,
            String sessionId,
            String subscriber,
            Instant startedAt,
            Instant at,
            long input,
            long output,
            Instant stoppedAt) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("type", "session");
        fields.put("workspace", workspace);
        fields.put("nas", nas);
        fields.put("session", sessionId);
        fields.put("subscriber", subscriber == null ? "" : subscriber);
        fields.put("username", "user-" + sessionId);
        fields.put("framedIpv4", "100.64.0.10");
        fields.put("startedAt", Long.toString(startedAt.toEpochMilli()));
        fields.put("at", Long.toString(at.toEpochMilli()));
        fields.put("input", Long.toString(input));
        fields.put("output", Long.toString(output));
        fields.put("seconds", Long.toString(at.getEpochSecond() - startedAt.getEpochSecond()));
        fields.put("stoppedAt", stoppedAt == null ? "" : Long.toString(stoppedAt.toEpochMilli()));
        fields.put("cause", stoppedAt == null ? "" : "User-Request");
        return fields;
    }

    /** A gateway's report of one live-enforcement step. */
    public static Map<String, String> enforcement(
            String workspace,
            String subscriber,
            String nas,
            String sessionId,
            String action,
            String outcome,
            String errorCause,
            Instant at) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("type", "enforcement");
        fields.put("id", java.util.UUID.randomUUID().toString());
        fields.put("workspace", workspace);
        fields.put("subscriber", subscriber);
        fields.put("version", "2");
        fields.put("change", "RESTRICT");
        fields.put("nas", nas);
        fields.put("session", sessionId);
        fields.put("action", action);
        fields.put("outcome", outcome);
        fields.put("errorCause", errorCause == null ? "" : errorCause);
        fields.put("attempts", "1");
        fields.put("at", Long.toString(at.toEpochMilli()));
        return fields;
    }

    /** A {@code sessions} entry, as gateways batch session updates: one JSON object per line. */
    @SafeVarargs
    public static Map<String, String> sessionBatch(Map<String, String>... updates) {
        return Map.of(
                "type",
                "sessions",
                "updates",
                java.util.Arrays.stream(updates)
                        .map(JSON::writeValueAsString)
                        .collect(java.util.stream.Collectors.joining("\n")));
    }

    public static Map<String, String> nasRestarted(String workspace, String nas, Instant at) {
        return Map.of(
                "type", "nas-restarted", "workspace", workspace, "nas", nas, "at", Long.toString(at.toEpochMilli()));
    }

    /** Appends entries to the region's accounting stream, in order. */
    @SafeVarargs
    public static void append(ReactiveStringRedisTemplate redis, String region, Map<String, String>... entries) {
        for (Map<String, String> fields : entries) {
            redis.opsForStream()
                    .add(StreamRecords.string(fields).withStreamKey(AccountingStream.key(region)))
                    .block();
        }
    }
}
