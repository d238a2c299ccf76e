package io.reroute.platform.web;

import io.r2dbc.postgresql.codec.Json;
import io.reroute.platform.crypto.Digests;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for POSTs: the first request with a key does its work and stores its
 * response in the same transaction; a retry with the same key and body gets that response again
 * (with {@code Idempotent-Replayed: true}) and does nothing; the same key with another body is
 * refused. A concurrent retry waits on the first one's row lock and then replays. A failed request
 * stores nothing, so it can be retried. Must run inside a workspace transaction.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Clock clock;

    public Idempotency(DatabaseClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    public Mono<ResponseEntity<Object>> once(
            WorkspaceId workspace, String key, Object request, Supplier<Mono<? extends ResponseEntity<?>>> action) {
        if (key == null) {
            return Mono.defer(action).map(Idempotency::widen);
        }
        if (key.isBlank() || key.length() > 255) {
            return Mono.error(new InvalidRequestException(HEADER, "must be 1 to 255 characters"));
        }
        String hash = Digests.sha256Hex(json.writeValueAsString(request));
        return db.sql("INSERT INTO idempotency_record (workspace_id, key, request_hash, created_at)"
                        + " VALUES (:workspace, :key, :hash, :at) ON CONFLICT DO NOTHING")
                .bind("workspace", workspace.value())
                .bind("key", key)
                .bind("hash", hash)
                .bind("at", clock.instant())
                .fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 1 ? first(workspace, key, action) : replay(workspace, key, hash));
    }

    private Mono<ResponseEntity<Object>> first(
            WorkspaceId workspace, String key, Supplier<Mono<? extends ResponseEntity<?>>> action) {
        return Mono.defer(action).flatMap(response -> db.sql(
                        "UPDATE idempotency_record"
                                + " SET response_status = :status, response_body = :body WHERE workspace_id = :workspace AND key = :key")
                .bind("status", response.getStatusCode().value())
                .bind("body", Json.of(json.writeValueAsString(response.getBody())))
                .bind("workspace", workspace.value())
                .bind("key", key)
                .fetch()
                .rowsUpdated()
                .thenReturn(widen(response)));
    }

    private Mono<ResponseEntity<Object>> replay(WorkspaceId workspace, String key, String hash) {
        return db.sql("SELECT request_hash, response_status, response_body FROM idempotency_record"
                        + " WHERE workspace_id = :workspace AND key = :key")
                .bind("workspace", workspace.value())
                .bind("key", key)
                .map(row -> {
                    if (!hash.equals(row.get("request_hash", String.class))) {
                        throw new IdempotencyKeyReusedException();
                    }
                    Integer status = row.get("response_status", Integer.class);
                    JsonNode body =
                            json.readTree(row.get("response_body", Json.class).asString());
                    return ResponseEntity.status(status != null ? status : HttpStatus.OK.value())
                            .header("Idempotent-Replayed", "true")
                            .<Object>body(body);
                })
                .one();
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Object> widen(ResponseEntity<?> response) {
        return (ResponseEntity<Object>) response;
    }

    /** The key was used before with a different request body. */
    public static class IdempotencyKeyReusedException extends RuntimeException {

        IdempotencyKeyReusedException() {
            super("this Idempotency-Key was already used with a different request; use a new key for a new request");
        }
    }
}
