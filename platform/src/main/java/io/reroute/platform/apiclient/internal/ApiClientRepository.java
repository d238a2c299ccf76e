package io.reroute.platform.apiclient.internal;

import io.r2dbc.spi.Readable;
import io.reroute.platform.apiclient.ApiClient;
import io.reroute.platform.security.ApiScope;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** API clients of a workspace. Every call runs inside a workspace transaction and names the workspace. */
@Repository
public class ApiClientRepository {

    private static final String COLUMNS = "id, client_id, name, scopes, created_at, created_by, revoked_at";

    private final DatabaseClient db;

    public ApiClientRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(WorkspaceId workspace, ApiClient client, byte[] secretHash) {
        return db.sql(
                        "INSERT INTO api_client (workspace_id, id, client_id, name, secret_hash, scopes, created_at, created_by)"
                                + " VALUES (:workspace, :id, :clientId, :name, :hash, :scopes, :createdAt, :createdBy)")
                .bind("workspace", workspace.value())
                .bind("id", client.id())
                .bind("clientId", client.clientId())
                .bind("name", client.name())
                .bind("hash", secretHash)
                .bind("scopes", client.scopes().stream().map(ApiScope::value).toArray(String[]::new))
                .bind("createdAt", client.createdAt())
                .bind("createdBy", client.createdBy())
                .fetch()
                .rowsUpdated()
                .then();
    }

    public Flux<ApiClient> list(WorkspaceId workspace, int limit, Optional<UUID> after) {
        return db.sql("SELECT " + COLUMNS + " FROM api_client WHERE workspace_id = :workspace"
                        + after.map(a -> " AND id > :after").orElse("") + " ORDER BY id LIMIT :limit")
                .bind("workspace", workspace.value())
                .bind("limit", limit)
                .bindValues(after.map(a -> Map.<String, Object>of("after", a)).orElse(Map.of()))
                .map(ApiClientRepository::read)
                .all();
    }

    public Mono<ApiClient> find(WorkspaceId workspace, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM api_client WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .map(ApiClientRepository::read)
                .one();
    }

    public Mono<Long> revoke(WorkspaceId workspace, UUID id, Instant at) {
        return db.sql("UPDATE api_client SET revoked_at = :at"
                        + " WHERE workspace_id = :workspace AND id = :id AND revoked_at IS NULL")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .bind("at", at)
                .fetch()
                .rowsUpdated();
    }

    /** Credentials by client id across workspaces, through the one security-definer function meant for it. */
    public Mono<StoredCredentials> credentials(String clientId) {
        return db.sql("SELECT workspace_id, id, secret_hash, scopes, revoked FROM api_client_credentials(:clientId)")
                .bind("clientId", clientId)
                .map(row -> new StoredCredentials(
                        new WorkspaceId(row.get("workspace_id", UUID.class)),
                        row.get("secret_hash", byte[].class),
                        scopes(row.get("scopes", String[].class)),
                        Boolean.TRUE.equals(row.get("revoked", Boolean.class))))
                .one();
    }

    private static ApiClient read(Readable row) {
        return new ApiClient(
                row.get("id", UUID.class),
                row.get("client_id", String.class),
                row.get("name", String.class),
                scopes(row.get("scopes", String[].class)),
                row.get("created_at", Instant.class),
                row.get("created_by", String.class),
                row.get("revoked_at", Instant.class));
    }

    private static TreeSet<ApiScope> scopes(String[] values) {
        return Arrays.stream(values)
                .map(ApiScope::parse)
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public record StoredCredentials(
            WorkspaceId workspace, byte[] secretHash, TreeSet<ApiScope> scopes, boolean revoked) {

        @Override
        public String toString() {
            return "StoredCredentials[workspace=" + workspace + ", scopes=" + scopes + ", revoked=" + revoked + "]";
        }
    }
}
