package io.reroute.platform.link.internal;

import io.r2dbc.spi.Readable;
import io.reroute.platform.crypto.SecretCipher;
import io.reroute.platform.link.LinkKeyInfo;
import io.reroute.platform.link.LinksProperties;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Each workspace's reminder-link keys, sealed at rest. A workspace signs with its newest unretired
 * key; once that is older than the rotation period the next signer creates a new one (under a
 * per-workspace advisory lock, so replicas agree). Older keys keep verifying until retired.
 * Every call except {@link #workspaceOf} runs inside the workspace's transaction.
 */
@Repository
public class LinkKeyStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;
    private final SecretCipher cipher;
    private final LinksProperties properties;
    private final Clock clock;

    LinkKeyStore(DatabaseClient db, SecretCipher cipher, LinksProperties properties, Clock clock) {
        this.db = db;
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
    }

    /** The key to sign with now, creating the workspace's first or next key when due. */
    public Mono<LinkKey> signingKey(WorkspaceId workspace) {
        return newest(workspace).filter(this::current).switchIfEmpty(Mono.defer(() -> db.sql(
                        "SELECT pg_advisory_xact_lock(hashtextextended('link_signing_key:' || :workspace, 0))")
                .bind("workspace", workspace.toString())
                .fetch()
                .first()
                .then(newest(workspace))
                .filter(this::current)
                .switchIfEmpty(Mono.defer(() -> create(workspace)))));
    }

    /** Creates the next key now, whatever the age of the current one. */
    public Mono<LinkKeyInfo> rotate(WorkspaceId workspace) {
        return create(workspace).map(key -> new LinkKeyInfo(key.kid(), true, key.createdAt(), null));
    }

    public Mono<LinkKey> find(WorkspaceId workspace, String kid) {
        return db.sql("SELECT kid, secret_sealed, created_at, retired_at FROM link_signing_key"
                        + " WHERE workspace_id = :workspace AND kid = :kid")
                .bind("workspace", workspace.value())
                .bind("kid", kid)
                .map(row -> read(workspace, row))
                .one();
    }

    /** Newest first; the first unretired one is the signing key. */
    public Mono<List<LinkKeyInfo>> list(WorkspaceId workspace) {
        return db.sql("SELECT kid, created_at, retired_at,"
                        + " kid = (SELECT kid FROM link_signing_key WHERE workspace_id = :workspace"
                        + " AND retired_at IS NULL ORDER BY created_at DESC, kid LIMIT 1) AS active"
                        + " FROM link_signing_key WHERE workspace_id = :workspace ORDER BY created_at DESC, kid")
                .bind("workspace", workspace.value())
                .map(row -> new LinkKeyInfo(
                        row.get("kid", String.class),
                        Boolean.TRUE.equals(row.get("active", Boolean.class)),
                        row.get("created_at", Instant.class),
                        row.get("retired_at", Instant.class)))
                .all()
                .collectList();
    }

    /** Stops a key from verifying anything; links it signed stop working at once. */
    public Mono<LinkKeyInfo> retire(WorkspaceId workspace, String kid) {
        return find(workspace, kid)
                .switchIfEmpty(Mono.error(new NotFoundException("link key")))
                .flatMap(key -> key.retired()
                        ? Mono.error(new ConflictException("the key is already retired"))
                        : db.sql(
                                        "UPDATE link_signing_key SET retired_at = :at WHERE workspace_id = :workspace AND kid = :kid")
                                .bind("at", clock.instant())
                                .bind("workspace", workspace.value())
                                .bind("kid", kid)
                                .fetch()
                                .rowsUpdated()
                                .then(find(workspace, kid)))
                .map(key -> new LinkKeyInfo(key.kid(), false, key.createdAt(), key.retiredAt()));
    }

    /** The workspace that owns a key id; the only lookup made before any workspace is bound. */
    public Mono<WorkspaceId> workspaceOf(String kid) {
        return db.sql("SELECT id FROM link_signing_key_workspace_id(:kid) AS id WHERE id IS NOT NULL")
                .bind("kid", kid)
                .map(row -> new WorkspaceId(row.get("id", UUID.class)))
                .one();
    }

    private boolean current(LinkKey key) {
        return key.createdAt().plus(properties.keyRotation()).isAfter(clock.instant());
    }

    private Mono<LinkKey> newest(WorkspaceId workspace) {
        return db.sql(
                        "SELECT kid, secret_sealed, created_at, retired_at FROM link_signing_key"
                                + " WHERE workspace_id = :workspace AND retired_at IS NULL ORDER BY created_at DESC, kid LIMIT 1")
                .bind("workspace", workspace.value())
                .map(row -> read(workspace, row))
                .one();
    }

    private Mono<LinkKey> create(WorkspaceId workspace) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String kid = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        Instant now = clock.instant();
        return db.sql("INSERT INTO link_signing_key (workspace_id, kid, secret_sealed, created_at)"
                        + " VALUES (:workspace, :kid, :secret, :at)")
                .bind("workspace", workspace.value())
                .bind("kid", kid)
                .bind("secret", cipher.seal(secret, sealContext(workspace, kid)))
                .bind("at", now)
                .fetch()
                .rowsUpdated()
                .thenReturn(new LinkKey(kid, new SecretKeySpec(secret, "HmacSHA256"), now, null));
    }

    private LinkKey read(WorkspaceId workspace, Readable row) {
        String kid = row.get("kid", String.class);
        byte[] secret = cipher.open(row.get("secret_sealed", String.class), sealContext(workspace, kid));
        return new LinkKey(
                kid,
                new SecretKeySpec(secret, "HmacSHA256"),
                row.get("created_at", Instant.class),
                row.get("retired_at", Instant.class));
    }

    /** Binds the sealed key to its workspace and id, so a sealed value copied to another row will not open. */
    private static String sealContext(WorkspaceId workspace, String kid) {
        return "link_signing_key:" + workspace + ":" + kid;
    }
}
