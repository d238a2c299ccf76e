package io.reroute.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reroute.migrations.SchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone migration path on a fresh server, then row-level security seen over plain JDBC as
 * the application role: the guarantee does not depend on the platform's code.
 */
class SchemaMigrationIT {

    @TempDir
    static Path data;

    static EmbeddedPostgresServer postgres;
    static DatabaseAccess database;

    @BeforeAll
    static void migrateAFreshDatabase() throws Exception {
        postgres = EmbeddedPostgresServer.start(data.resolve("pg"), 0);
        database = DatabaseBootstrap.prepare(
                postgres.superuserJdbcUrl(),
                EmbeddedPostgresServer.SUPERUSER,
                "",
                new DatabaseAccess(
                        "localhost", postgres.port(), "migrated", "schema_owner", "owner-pw", "schema_app", "app-pw"));
        var first = SchemaMigrator.migrate(
                database.jdbcUrl(), database.ownerUsername(), database.ownerPassword(), database.appUsername());
        var second = SchemaMigrator.migrate(
                database.jdbcUrl(), database.ownerUsername(), database.ownerPassword(), database.appUsername());
        assertThat(first.migrationsExecuted).isPositive();
        assertThat(second.migrationsExecuted).isZero();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void everyTenantTableHasAMandatoryWorkspaceColumnLeadingItsIndexesAndRls() throws SQLException {
        try (Connection owner = owner()) {
            var tables = new ArrayList<String>();
            try (var rs = owner.createStatement()
                    .executeQuery(
                            "SELECT c.relname, c.relrowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                                    + " WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                    if (!rs.getString(1).equals("token_signing_key")) {
                        assertThat(rs.getBoolean(2))
                                .as(rs.getString(1) + " has row-level security")
                                .isTrue();
                    }
                }
            }
            assertThat(tables)
                    .contains("workspace", "workspace_settings", "allowlist_entry", "api_client", "audit_event");
            try (var rs = owner.createStatement()
                    .executeQuery("SELECT table_name, is_nullable, column_default FROM information_schema.columns"
                            + " WHERE table_schema = 'public' AND column_name = 'workspace_id'")) {
                int count = 0;
                while (rs.next()) {
                    count++;
                    assertThat(rs.getString(2)).as(rs.getString(1)).isEqualTo("NO");
                    assertThat(rs.getString(3)).as(rs.getString(1)).isNull();
                }
                assertThat(count).isEqualTo(27);
            }
            try (var rs = owner.createStatement()
                    .executeQuery(
                            "SELECT indexrelid::regclass, a.attname FROM pg_index i"
                                    + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]"
                                    + " WHERE i.indrelid IN (SELECT attrelid FROM pg_attribute WHERE attname = 'workspace_id')")) {
                while (rs.next()) {
                    String index = rs.getString(1);
                    // Global by design: they find the workspace from a credential, a host name, a key
                    // id or a staff member's email, or keep a NAS address to one workspace per region.
                    if (!List.of(
                                    "api_client_client_id_key",
                                    "workspace_settings_reminder_host_key",
                                    "link_signing_key_kid_key",
                                    "nas_client_address_key",
                                    "staff_user_email_key")
                            .contains(index)) {
                        assertThat(rs.getString(2)).as(index).isEqualTo("workspace_id");
                    }
                }
            }
        }
    }

    @Test
    void applicationRoleSeesOnlyTheBoundWorkspaceEvenWithoutWhere() throws SQLException {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        try (Connection owner = owner()) {
            for (UUID id : List.of(a, b)) {
                owner.createStatement()
                        .execute(
                                "INSERT INTO workspace (id, slug, display_name, region, currency, created_at, updated_at)"
                                        + " VALUES ('" + id + "', 's"
                                        + id.toString().substring(0, 8) + "', 'x', 'eu-west', 'EUR', now(), now())");
                owner.createStatement()
                        .execute("INSERT INTO allowlist_entry (workspace_id, id, kind, match_type, value, created_at)"
                                + " VALUES ('" + id + "', gen_random_uuid(), 'CUSTOM', 'HOST', 'h.example', now())");
            }
        }
        try (Connection app =
                DriverManager.getConnection(database.jdbcUrl(), database.appUsername(), database.appPassword())) {
            app.setAutoCommit(false);
            assertThat(workspaceIds(app, "SELECT workspace_id FROM allowlist_entry"))
                    .isEmpty();
            app.createStatement().execute("SELECT set_config('reroute.workspace_id', '" + a + "', true)");
            assertThat(workspaceIds(app, "SELECT workspace_id FROM allowlist_entry"))
                    .containsExactly(a);
            assertThat(workspaceIds(app, "SELECT id FROM workspace")).containsExactly(a);
            assertThat(app.createStatement()
                            .executeUpdate("DELETE FROM allowlist_entry WHERE workspace_id = '" + b + "'"))
                    .isZero();
            assertThatThrownBy(() -> app.createStatement()
                            .execute(
                                    "INSERT INTO allowlist_entry (workspace_id, id, kind, match_type, value, created_at)"
                                            + " VALUES ('" + b
                                            + "', gen_random_uuid(), 'CUSTOM', 'HOST', 'x.example', now())"))
                    .hasMessageContaining("row-level security");
            app.rollback();
            // The binding was transaction-local: gone after the transaction.
            assertThat(workspaceIds(app, "SELECT workspace_id FROM allowlist_entry"))
                    .isEmpty();
            assertThatThrownBy(() -> app.createStatement().execute("DELETE FROM audit_event"))
                    .hasMessageContaining("permission denied");
            app.rollback();
            assertThatThrownBy(() -> app.createStatement().execute("CREATE TABLE sneaky (id int)"))
                    .hasMessageContaining("permission denied");
            app.rollback();
        }
    }

    private static List<UUID> workspaceIds(Connection connection, String sql) throws SQLException {
        var ids = new ArrayList<UUID>();
        try (var rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.ownerUsername(), database.ownerPassword());
    }
}
