package io.reroute.migrations;

import java.util.Map;

/**
 * Standalone command for deployments that migrate before rolling out (a Kubernetes Job, say).
 *
 * <pre>
 * REROUTE_DB_JDBC_URL=jdbc:postgresql://db:5432/reroute \
 * REROUTE_DB_OWNER_USERNAME=reroute_owner REROUTE_DB_OWNER_PASSWORD=... \
 * REROUTE_DB_APP_ROLE=reroute_app java -jar migrations-cli.jar
 * </pre>
 */
public final class MigrateCommand {

    private MigrateCommand() {}

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        try {
            var result = SchemaMigrator.migrate(
                    required(env, "REROUTE_DB_JDBC_URL"),
                    required(env, "REROUTE_DB_OWNER_USERNAME"),
                    required(env, "REROUTE_DB_OWNER_PASSWORD"),
                    env.getOrDefault("REROUTE_DB_APP_ROLE", "reroute_app"));
            System.out.printf(
                    "schema at version %s (%d migration(s) applied)%n",
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
        } catch (IllegalArgumentException e) {
            System.err.println("migrate: " + e.getMessage());
            System.exit(2);
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }
}
