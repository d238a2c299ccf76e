package io.reroute.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.UUID;

/**
 * PostgreSQL and Redis for integration tests, started once per test JVM.
 *
 * <p>By default both are embedded binaries in a temporary folder. Given {@code REROUTE_TEST_PG_SUPERUSER_URL}
 * (plus {@code REROUTE_TEST_PG_SUPERUSER} and {@code REROUTE_TEST_PG_SUPERUSER_PASSWORD}) and
 * {@code REROUTE_TEST_REDIS_URL}, it uses those servers instead. Either way each JVM gets a fresh
 * database, so several test runs can share one server.
 */
public final class TestInfrastructure {

    private static TestInfrastructure instance;

    private static final String SUPERUSER =
            System.getenv().getOrDefault("REROUTE_TEST_PG_SUPERUSER", EmbeddedPostgresServer.SUPERUSER);
    private static final String SUPERUSER_PASSWORD =
            System.getenv().getOrDefault("REROUTE_TEST_PG_SUPERUSER_PASSWORD", "");

    private final DatabaseAccess database;
    private final String superuserJdbcUrl;
    private final String redisUrl;

    private TestInfrastructure(DatabaseAccess database, String superuserJdbcUrl, String redisUrl) {
        this.database = database;
        this.superuserJdbcUrl = superuserJdbcUrl;
        this.redisUrl = redisUrl;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("could not prepare the test database", e);
            }
        }
        return instance;
    }

    public DatabaseAccess database() {
        return database;
    }

    /** A superuser connection URL to the test database, for fixtures that must see past row-level security. */
    public String superuserJdbcUrl() {
        return superuserJdbcUrl;
    }

    public String superuser() {
        return SUPERUSER;
    }

    public String superuserPassword() {
        return SUPERUSER_PASSWORD;
    }

    public String redisUrl() {
        return redisUrl;
    }

    private static TestInfrastructure start() throws IOException, SQLException {
        Path scratch = Files.createTempDirectory("reroute-test-");
        String superuserUrl = System.getenv("REROUTE_TEST_PG_SUPERUSER_URL");
        if (superuserUrl == null) {
            var postgres = EmbeddedPostgresServer.start(scratch.resolve("postgres"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
            superuserUrl = postgres.superuserJdbcUrl();
        }
        String redisUrl = System.getenv("REROUTE_TEST_REDIS_URL");
        if (redisUrl == null) {
            var redis = EmbeddedRedisServer.start(scratch.resolve("redis"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(redis)));
            redisUrl = redis.url();
        }
        var hostAndPort = URI.create(superuserUrl.substring("jdbc:".length()));
        String databaseName = "reroute_test_" + UUID.randomUUID().toString().substring(0, 8);
        var target = new DatabaseAccess(
                hostAndPort.getHost(),
                hostAndPort.getPort(),
                databaseName,
                "reroute_test_owner",
                "owner-" + UUID.randomUUID(),
                "reroute_test_app",
                "app-" + UUID.randomUUID());
        DatabaseBootstrap.prepare(superuserUrl, SUPERUSER, SUPERUSER_PASSWORD, target);
        String databaseSuperuserUrl = superuserUrl.substring(0, superuserUrl.lastIndexOf('/') + 1) + databaseName;
        return new TestInfrastructure(target, databaseSuperuserUrl, redisUrl);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // JVM is exiting; the temporary folder goes with it.
        }
    }
}
