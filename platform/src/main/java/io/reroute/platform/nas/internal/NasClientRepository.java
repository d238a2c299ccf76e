package io.reroute.platform.nas.internal;

import io.r2dbc.spi.Readable;
import io.reroute.platform.nas.NasClient;
import io.reroute.platform.nas.NasVendor;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** NAS clients of a workspace. Every call runs inside a workspace transaction and names the workspace. */
@Repository
class NasClientRepository {

    private static final String COLUMNS = "id, name, host(address) AS address, coa_port, vendor,"
            + " require_message_authenticator, created_at, updated_at";

    private final DatabaseClient db;

    NasClientRepository(DatabaseClient db) {
        this.db = db;
    }

    /** What a stored secret is bound to: it opens for this NAS client only. */
    static String secretContext(WorkspaceId workspace, UUID nas) {
        return "nas_client:" + workspace + ":" + nas + ":secret";
    }

    Flux<NasClient> list(WorkspaceId workspace) {
        return db.sql("SELECT " + COLUMNS + " FROM nas_client WHERE workspace_id = :workspace ORDER BY lower(name), id")
                .bind("workspace", workspace.value())
                .map(NasClientRepository::read)
                .all();
    }

    Mono<NasClient> find(WorkspaceId workspace, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM nas_client WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .map(NasClientRepository::read)
                .one();
    }

    /** Every NAS client with its secret as sealed in the database. */
    Flux<StoredNasClient> withSecrets(WorkspaceId workspace) {
        return db.sql("SELECT " + COLUMNS + ", secret_sealed FROM nas_client WHERE workspace_id = :workspace"
                        + " ORDER BY lower(name), id")
                .bind("workspace", workspace.value())
                .map(row -> new StoredNasClient(read(row), row.get("secret_sealed", String.class)))
                .all();
    }

    /** Inserts with the workspace's region, which makes the address unique among that region's gateways. */
    Mono<Void> insert(WorkspaceId workspace, NasClient nas, String sealedSecret) {
        return db.sql(
                        "INSERT INTO nas_client (workspace_id, id, name, address, region, secret_sealed, coa_port, vendor,"
                                + " require_message_authenticator, created_at, updated_at)"
                                + " SELECT w.id, :id, :name, CAST(:address AS inet), w.region, :secret, :coaPort, :vendor,"
                                + " :requireMa, :at, :at FROM workspace w WHERE w.id = :workspace")
                .bind("workspace", workspace.value())
                .bind("id", nas.id())
                .bind("name", nas.name())
                .bind("address", nas.address())
                .bind("secret", sealedSecret)
                .bind("coaPort", nas.coaPort())
                .bind("vendor", nas.vendor().name())
                .bind("requireMa", nas.requireMessageAuthenticator())
                .bind("at", nas.createdAt())
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** Replaces a NAS client; a null {@code sealedSecret} keeps the stored one. */
    Mono<Void> update(WorkspaceId workspace, NasClient nas, String sealedSecret) {
        return db.sql("UPDATE nas_client SET name = :name, address = CAST(:address AS inet),"
                        + " secret_sealed = coalesce(:secret, secret_sealed), coa_port = :coaPort, vendor = :vendor,"
                        + " require_message_authenticator = :requireMa, updated_at = :at"
                        + " WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", nas.id())
                .bind("name", nas.name())
                .bind("address", nas.address())
                .bind("secret", sealedSecret != null ? sealedSecret : Parameter.empty(String.class))
                .bind("coaPort", nas.coaPort())
                .bind("vendor", nas.vendor().name())
                .bind("requireMa", nas.requireMessageAuthenticator())
                .bind("at", nas.updatedAt())
                .fetch()
                .rowsUpdated()
                .then();
    }

    Mono<Long> delete(WorkspaceId workspace, UUID id) {
        return db.sql("DELETE FROM nas_client WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .fetch()
                .rowsUpdated();
    }

    private static NasClient read(Readable row) {
        return new NasClient(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("address", String.class),
                row.get("coa_port", Integer.class),
                NasVendor.valueOf(row.get("vendor", String.class)),
                row.get("require_message_authenticator", Boolean.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }

    record StoredNasClient(NasClient client, String sealedSecret) {
        @Override
        public String toString() {
            return "StoredNasClient[" + client + ", secret hidden]";
        }
    }
}
