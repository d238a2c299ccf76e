package io.reroute.migrations;

import java.util.Map;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned schema as the owner role and grants the restricted application role
 * what it needs. The platform runs the same migrations at start through Spring Boot's Flyway
 * support; {@link #PLACEHOLDERS_KEY} and {@link #LOCATION} are shared so both paths agree.
 */
public final class SchemaMigrator {

    public static final String LOCATION = "classpath:db/migration";
    public static final String PLACEHOLDERS_KEY = "app_role";

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private SchemaMigrator() {}

    /** Migrates the database at {@code jdbcUrl}, connecting as the owner role. */
    public static MigrateResult migrate(String jdbcUrl, String ownerUser, String ownerPassword, String appRole) {
        return Flyway.configure()
                .dataSource(jdbcUrl, ownerUser, ownerPassword)
                .locations(LOCATION)
                .placeholders(Map.of(PLACEHOLDERS_KEY, requireRoleName(appRole)))
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    /** Role names go into GRANT statements as identifiers, so only plain lower-case names are allowed. */
    public static String requireRoleName(String role) {
        if (role == null || !ROLE_NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("application role must match " + ROLE_NAME.pattern() + ": " + role);
        }
        return role;
    }
}
