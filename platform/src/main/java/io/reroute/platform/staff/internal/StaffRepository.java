package io.reroute.platform.staff.internal;

import io.r2dbc.spi.Readable;
import io.reroute.platform.staff.StaffMember;
import io.reroute.platform.staff.StaffRole;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff users of a workspace; every call runs in a workspace transaction and names the workspace. */
@Repository
public class StaffRepository {

    private static final String COLUMNS =
            "workspace_id, id, email, display_name, role, disabled_at, created_at, last_sign_in_at";

    private final DatabaseClient db;

    public StaffRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(StaffMember member, String passwordHash, String createdBy) {
        var spec = db.sql("INSERT INTO staff_user (workspace_id, id, email, display_name, role, password_hash,"
                        + " created_at, created_by) VALUES (:workspace, :id, :email, :name, :role, :hash, :at, :by)")
                .bind("workspace", member.workspaceId())
                .bind("id", member.id())
                .bind("email", member.email())
                .bind("name", member.displayName())
                .bind("role", member.role().name())
                .bind("at", member.createdAt())
                .bind("by", createdBy);
        return (passwordHash == null ? spec.bindNull("hash", String.class) : spec.bind("hash", passwordHash)).then();
    }

    public Flux<StaffMember> list(WorkspaceId workspace) {
        return db.sql("SELECT " + COLUMNS + " FROM staff_user WHERE workspace_id = :workspace ORDER BY email")
                .bind("workspace", workspace.value())
                .map(StaffRepository::read)
                .all();
    }

    public Mono<StaffMember> find(WorkspaceId workspace, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM staff_user WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .map(StaffRepository::read)
                .one();
    }

    /** The row locked for a change, so two concurrent changes to owners see each other. */
    public Mono<StaffMember> lock(WorkspaceId workspace, UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM staff_user WHERE workspace_id = :workspace AND id = :id FOR UPDATE")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .map(StaffRepository::read)
                .one();
    }

    /** Active owners other than {@code except}, with their rows locked (the last owner must stay). */
    public Mono<Long> otherActiveOwners(WorkspaceId workspace, UUID except) {
        return db.sql("SELECT id FROM staff_user WHERE workspace_id = :workspace AND role = 'OWNER'"
                        + " AND disabled_at IS NULL AND id <> :except FOR UPDATE")
                .bind("workspace", workspace.value())
                .bind("except", except)
                .map(row -> row.get("id", UUID.class))
                .all()
                .count();
    }

    /** Disabling keeps the time it first happened; enabling clears it. */
    public Mono<Void> update(
            WorkspaceId workspace, UUID id, String displayName, StaffRole role, boolean disabled, Instant now) {
        return db.sql("UPDATE staff_user SET display_name = :name, role = :role,"
                        + " disabled_at = CASE WHEN :disabled THEN coalesce(disabled_at, :now) END"
                        + " WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .bind("name", displayName)
                .bind("role", role.name())
                .bind("disabled", disabled)
                .bind("now", now)
                .then();
    }

    public Mono<Void> setPasswordHash(WorkspaceId workspace, UUID id, String hash) {
        return db.sql("UPDATE staff_user SET password_hash = :hash WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .bind("hash", hash)
                .then();
    }

    public Mono<String> passwordHash(WorkspaceId workspace, UUID id) {
        return db.sql("SELECT password_hash FROM staff_user WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .map(row -> java.util.Optional.ofNullable(row.get("password_hash", String.class)))
                .one()
                .flatMap(Mono::justOrEmpty);
    }

    public Mono<Void> signedIn(WorkspaceId workspace, UUID id, Instant at) {
        return db.sql("UPDATE staff_user SET last_sign_in_at = :at WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.value())
                .bind("id", id)
                .bind("at", at)
                .then();
    }

    /** Sign-in's lookup across workspaces, through the one security-definer function meant for it. */
    public Mono<Credentials> credentials(String email) {
        return db.sql("SELECT workspace_id, id, password_hash, disabled FROM staff_credentials(:email)")
                .bind("email", email)
                .map(row -> new Credentials(
                        new WorkspaceId(row.get("workspace_id", UUID.class)),
                        row.get("id", UUID.class),
                        row.get("password_hash", String.class),
                        Boolean.TRUE.equals(row.get("disabled", Boolean.class))))
                .one();
    }

    private static StaffMember read(Readable row) {
        return new StaffMember(
                row.get("id", UUID.class),
                row.get("workspace_id", UUID.class),
                row.get("email", String.class),
                row.get("display_name", String.class),
                StaffRole.valueOf(row.get("role", String.class)),
                row.get("disabled_at", Instant.class) != null,
                row.get("created_at", Instant.class),
                row.get("last_sign_in_at", Instant.class));
    }

    public record Credentials(WorkspaceId workspace, UUID id, String passwordHash, boolean disabled) {

        @Override
        public String toString() {
            return "Credentials[workspace=" + workspace + ", id=" + id + ", disabled=" + disabled + "]";
        }
    }
}
