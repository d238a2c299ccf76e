package io.reroute.devinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A PostgreSQL server from the embedded binaries, with its data kept in a folder of our choosing. */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server on {@code port} (0 picks a free one) keeping its data in {@code dataDirectory};
     * an existing data folder is reused, so a restart keeps what was stored.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200")
                // PostgreSQL's own 128 MB default makes backends evict and write pages themselves
                // once sessions and usage cycles of 100,000 subscribers are hot.
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("timezone", "UTC");
        if (port > 0) {
            builder.setPort(port);
        }
        return new EmbeddedPostgresServer(builder.start());
    }

    public int port() {
        return postgres.getPort();
    }

    public String superuserJdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
