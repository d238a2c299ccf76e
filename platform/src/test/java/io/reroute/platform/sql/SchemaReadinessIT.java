package io.reroute.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.platform.support.PlatformIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.r2dbc.core.DatabaseClient;

@PlatformIntegrationTest
class SchemaReadinessIT {

    @Autowired
    DatabaseClient db;

    @Test
    void theBuildRequiresItsNewestMigration() throws IOException {
        var version = Pattern.compile("V(\\d+)__.*\\.sql");
        int newest;
        try (Stream<Path> files =
                Files.list(Path.of("..", "migrations", "src", "main", "resources", "db", "migration"))) {
            newest = files.map(file -> version.matcher(file.getFileName().toString()))
                    .filter(matcher -> matcher.matches())
                    .mapToInt(matcher -> Integer.parseInt(matcher.group(1)))
                    .max()
                    .orElseThrow();
        }
        assertThat(SchemaReadiness.bundledVersion()).isEqualTo(newest);
    }

    @Test
    void readyOnlyOnceTheSchemaIsAtTheBuildsVersionAsTheApplicationRoleReadsIt() {
        int bundled = SchemaReadiness.bundledVersion();

        var current = new SchemaReadiness(db, bundled).health().block();
        assertThat(current.getStatus()).isEqualTo(Status.UP);

        // A build one migration ahead of the database, as while the migration Job is still running.
        var ahead = new SchemaReadiness(db, bundled + 1).health().block();
        assertThat(ahead.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(ahead.getDetails()).containsEntry("requiredVersion", java.math.BigDecimal.valueOf(bundled + 1));
    }
}
