package io.reroute.platform.session.internal;

import io.reroute.platform.router.RouterJob;
import io.reroute.platform.router.RouterReport;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/** One entry of a region's accounting stream, parsed; anything malformed is an {@link InvalidEntry}. */
sealed interface AccountingEntry {

    String NAS_REBOOT = "NAS-Reboot";

    JsonMapper JSON = JsonMapper.builder().build();

    String NOT_OBJECTS_OF_TEXTS = "a sessions entry whose updates are not JSON objects of texts";

    WorkspaceId workspace();

    /** A session's standing: counters so far, and when and why it stopped if it did. */
    record SessionUpdate(
            WorkspaceId workspace,
            UUID nasId,
            String sessionId,
            UUID subscriberId,
            String username,
            String framedIpv4,
            Instant startedAt,
            Instant at,
            long inputOctets,
            long outputOctets,
            long sessionSeconds,
            Instant stoppedAt,
            String terminateCause)
            implements AccountingEntry {}

    /** A gateway's step of live enforcement on one session; {@code id} is unique per step. */
    record EnforcementReport(
            WorkspaceId workspace,
            UUID id,
            UUID subscriberId,
            long stateVersion,
            String change,
            UUID nasId,
            String sessionId,
            String action,
            String outcome,
            Integer errorCause,
            int attempts,
            Instant at)
            implements AccountingEntry {}

    /** Accounting-On or -Off: the NAS lost every session that started before {@code at}. */
    record NasRestarted(WorkspaceId workspace, UUID nasId, Instant at, String cause) implements AccountingEntry {}

    /** A gateway's outcome of a router job, or of a periodic reconciliation. */
    record RouterReported(WorkspaceId workspace, RouterReport report) implements AccountingEntry {}

    /** The most session updates one {@code sessions} entry may carry. */
    int MAX_SESSIONS_PER_ENTRY = 1000;

    /**
     * The entries one stream entry carries. Gateways forward session updates in {@code sessions}
     * entries (sparing Redis a command per update): {@code updates} holds one JSON object of texts per
     * line, each the fields of a {@code session} entry. Any other entry is itself. A {@code sessions}
     * entry with one malformed update is malformed as a whole, so none of it is applied.
     */
    static List<AccountingEntry> read(Map<String, String> fields) {
        if (!"sessions".equals(fields.get("type"))) {
            return List.of(parse(fields));
        }
        String updates = fields.get("updates");
        if (updates == null || updates.isBlank()) {
            throw new InvalidEntry("a sessions entry without updates");
        }
        // Read token by token into one reused map: binding each line to a map of its own was a tenth
        // of the consumer's time.
        var entries = new ArrayList<AccountingEntry>();
        var update = new HashMap<String, String>();
        try (JsonParser json = JSON.createParser(updates)) {
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (token != JsonToken.START_OBJECT) {
                    throw new InvalidEntry(NOT_OBJECTS_OF_TEXTS);
                }
                if (entries.size() == MAX_SESSIONS_PER_ENTRY) {
                    throw new InvalidEntry("a sessions entry with more than " + MAX_SESSIONS_PER_ENTRY + " updates");
                }
                update.clear();
                for (String name = json.nextName(); name != null; name = json.nextName()) {
                    String value = json.nextStringValue();
                    if (value == null) {
                        throw new InvalidEntry(NOT_OBJECTS_OF_TEXTS);
                    }
                    update.put(name, value);
                }
                if (json.currentToken() != JsonToken.END_OBJECT) {
                    throw new InvalidEntry(NOT_OBJECTS_OF_TEXTS);
                }
                update.put("type", "session");
                entries.add(parse(update));
            }
        } catch (JacksonException e) {
            throw new InvalidEntry(NOT_OBJECTS_OF_TEXTS);
        }
        return entries;
    }

    static AccountingEntry parse(Map<String, String> fields) {
        String type = fields.get("type");
        if ("session".equals(type)) {
            Instant stoppedAt = optionalInstant(fields, "stoppedAt");
            return new SessionUpdate(
                    workspace(fields),
                    uuid(fields, "nas"),
                    text(fields, "session", 253),
                    optionalUuid(fields, "subscriber"),
                    optionalText(fields, "username", 253),
                    optionalIpv4(fields, "framedIpv4"),
                    instant(fields, "startedAt"),
                    instant(fields, "at"),
                    counter(fields, "input"),
                    counter(fields, "output"),
                    counter(fields, "seconds"),
                    stoppedAt,
                    stoppedAt == null ? null : optionalText(fields, "cause", 64));
        }
        if ("nas-restarted".equals(type)) {
            String cause = optionalText(fields, "cause", 64);
            return new NasRestarted(
                    workspace(fields), uuid(fields, "nas"), instant(fields, "at"), cause == null ? NAS_REBOOT : cause);
        }
        if ("enforcement".equals(type)) {
            String errorCause = fields.get("errorCause");
            long version = counter(fields, "version");
            long attempts = counter(fields, "attempts");
            if (attempts > 100) {
                throw new InvalidEntry("attempts out of range");
            }
            return new EnforcementReport(
                    workspace(fields),
                    uuid(fields, "id"),
                    uuid(fields, "subscriber"),
                    version,
                    oneOf(fields, "change", Set.of("RESTRICT", "RESTORE", "RATE")),
                    uuid(fields, "nas"),
                    text(fields, "session", 253),
                    oneOf(fields, "action", Set.of("COA", "DISCONNECT", "ROUTER_API")),
                    oneOf(
                            fields,
                            "outcome",
                            Set.of("ACK", "NAK", "SESSION_GONE", "TIMEOUT", "NO_SECRET", "UNAVAILABLE", "FAILED")),
                    errorCause == null || errorCause.isEmpty()
                            ? null
                            : (int) Math.min(counter(fields, "errorCause"), 65535),
                    (int) attempts,
                    instant(fields, "at"));
        }
        if ("router".equals(type)) {
            return new RouterReported(
                    workspace(fields),
                    new RouterReport(
                            uuid(fields, "router"),
                            optionalUuid(fields, "job"),
                            RouterJob.Kind.valueOf(oneOf(fields, "kind", Set.of("TEST", "APPLY", "RECONCILE"))),
                            "SUCCEEDED".equals(oneOf(fields, "outcome", Set.of("SUCCEEDED", "FAILED"))),
                            instant(fields, "at"),
                            optionalText(fields, "identity", 100),
                            optionalText(fields, "version", 100),
                            optionalText(fields, "error", 1000),
                            optionalJsonObject(fields, "result", 65_536)));
        }
        throw new InvalidEntry("unknown type " + type);
    }

    /** A JSON object, checked here so that a bad one is dropped instead of failing its transaction again and again. */
    private static String optionalJsonObject(Map<String, String> fields, String name, int maxLength) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() > maxLength || !JSON.readTree(value).isObject()) {
                throw new InvalidEntry(name + " malformed");
            }
        } catch (JacksonException e) {
            throw new InvalidEntry(name + " malformed");
        }
        return value;
    }

    private static String oneOf(Map<String, String> fields, String name, Set<String> allowed) {
        String value = fields.get(name);
        if (value == null || !allowed.contains(value)) {
            throw new InvalidEntry(name + " malformed");
        }
        return value;
    }

    private static WorkspaceId workspace(Map<String, String> fields) {
        return new WorkspaceId(uuid(fields, "workspace"));
    }

    private static String text(Map<String, String> fields, String name, int maxLength) {
        String value = optionalText(fields, name, maxLength);
        if (value == null) {
            throw new InvalidEntry(name + " missing");
        }
        return value;
    }

    private static String optionalText(Map<String, String> fields, String name, int maxLength) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidEntry(name + " malformed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidEntry(name + " malformed");
            }
        }
        return value;
    }

    private static UUID uuid(Map<String, String> fields, String name) {
        UUID value = optionalUuid(fields, name);
        if (value == null) {
            throw new InvalidEntry(name + " missing");
        }
        return value;
    }

    private static UUID optionalUuid(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEntry(name + " malformed");
        }
    }

    private static Instant instant(Map<String, String> fields, String name) {
        Instant value = optionalInstant(fields, name);
        if (value == null) {
            throw new InvalidEntry(name + " missing");
        }
        return value;
    }

    private static Instant optionalInstant(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        long millis = number(value, name);
        // Postgres timestamps end in 294276; anything outside years 2000..9999 is not a real event.
        if (millis < 946_684_800_000L || millis > 253_402_300_799_000L) {
            throw new InvalidEntry(name + " out of range");
        }
        return Instant.ofEpochMilli(millis);
    }

    private static long counter(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new InvalidEntry(name + " missing");
        }
        long counter = number(value, name);
        if (counter < 0) {
            throw new InvalidEntry(name + " negative");
        }
        return counter;
    }

    private static long number(String value, String name) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidEntry(name + " malformed");
        }
    }

    private static String optionalIpv4(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        // Dotted quads only, checked here: never a string that could end in a name lookup.
        String[] octets = value.split("\\.", -1);
        if (octets.length != 4) {
            throw new InvalidEntry(name + " malformed");
        }
        var canonical = new StringBuilder(15);
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new InvalidEntry(name + " malformed");
            }
            int n = Integer.parseInt(octet);
            if (n > 255) {
                throw new InvalidEntry(name + " malformed");
            }
            canonical.append(canonical.isEmpty() ? "" : ".").append(n);
        }
        return canonical.toString();
    }

    /** An entry the platform cannot apply; acknowledged and counted, never retried. */
    final class InvalidEntry extends RuntimeException {
        InvalidEntry(String reason) {
            super(reason, null, false, false);
        }
    }
}
