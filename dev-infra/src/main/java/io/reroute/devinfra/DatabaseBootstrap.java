package io.reroute.devinfra;

import io.reroute.migrations.SchemaMigrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prepares a PostgreSQL server the way an operator would for production: an owner role that owns
 * the database and runs migrations, and a login role for the application that is neither owner
 * nor superuser, so row-level security applies to it. Idempotent: a restart reuses both.
 */
public final class DatabaseBootstrap {

    private DatabaseBootstrap() {}

    /**
     * Creates (or updates) the roles and the database through a superuser connection. The schema is
     * left to the migrations, which the platform applies at start or {@code MigrateCommand} applies.
     */
    public static DatabaseAccess prepare(
            String superuserJdbcUrl, String superuser, String superuserPassword, DatabaseAccess target)
            throws SQLException {
        SchemaMigrator.requireRoleName(target.ownerUsername());
        SchemaMigrator.requireRoleName(target.appUsername());
        SchemaMigrator.requireRoleName(target.database());
        try (Connection c = DriverManager.getConnection(superuserJdbcUrl, superuser, superuserPassword);
                Statement s = c.createStatement()) {
            ensureRole(s, target.ownerUsername(), target.ownerPassword());
            ensureRole(s, target.appUsername(), target.appPassword());
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + target.database() + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + target.database() + " OWNER " + target.ownerUsername());
                }
            }
        }
        String databaseUrl = superuserJdbcUrl.substring(0, superuserJdbcUrl.lastIndexOf('/') + 1) + target.database();
        try (Connection c = DriverManager.getConnection(databaseUrl, superuser, superuserPassword);
                Statement s = c.createStatement()) {
            // Nobody but the owner creates objects; the application role only gets the grants in the migrations.
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("ALTER SCHEMA public OWNER TO " + target.ownerUsername());
        }
        return target;
    }

    private static void ensureRole(Statement s, String role, String password) throws SQLException {
        String attributes =
                " LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS PASSWORD '" + password.replace("'", "''") + "'";
        try (var rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
            if (rs.next()) {
                s.execute("ALTER ROLE " + role + attributes);
                return;
            }
        }
        try {
            s.execute("CREATE ROLE " + role + attributes);
        } catch (SQLException e) {
            // Another process sharing the server created it first (duplicate_object).
            if (!"42710".equals(e.getSQLState())) {
                throw e;
            }
            s.execute("ALTER ROLE " + role + attributes);
        }
    }
}
