package io.reroute.platform.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Ready only once the database schema is at least the version this build carries. Where a separate
 * job migrates before a rollout (Kubernetes), new platform pods wait for it instead of running on an
 * older schema, and the previous pods keep serving meanwhile. Once reached, the answer is kept: a
 * schema never goes back.
 */
@Component("schemaHealthIndicator")
class SchemaReadiness implements ReactiveHealthIndicator {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

    private final DatabaseClient db;
    private final BigDecimal required;
    private volatile boolean reached;

    @Autowired
    SchemaReadiness(DatabaseClient db) {
        this(db, bundledVersion());
    }

    SchemaReadiness(DatabaseClient db, int requiredVersion) {
        this.db = db;
        this.required = BigDecimal.valueOf(requiredVersion);
    }

    @Override
    public Mono<Health> health() {
        if (reached) {
            return Mono.just(Health.up().build());
        }
        return db.sql("SELECT max(version::numeric) AS version FROM flyway_schema_history WHERE success")
                .map(row -> {
                    BigDecimal version = row.get("version", BigDecimal.class);
                    return version == null ? BigDecimal.ZERO : version;
                })
                .one()
                .map(version -> {
                    if (version.compareTo(required) >= 0) {
                        reached = true;
                        return Health.up().build();
                    }
                    return Health.outOfService()
                            .withDetail("schemaVersion", version)
                            .withDetail("requiredVersion", required)
                            .build();
                })
                .onErrorResume(e -> Mono.just(Health.outOfService()
                        .withDetail("reason", "the schema version cannot be read")
                        .build()));
    }

    /** The highest migration this build carries ({@code db/migration/V<n>__*.sql}). */
    static int bundledVersion() {
        try {
            Resource[] migrations =
                    new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql");
            return Arrays.stream(migrations)
                    .map(Resource::getFilename)
                    .map(name -> name == null ? null : MIGRATION.matcher(name))
                    .filter(matcher -> matcher != null && matcher.matches())
                    .mapToInt((Matcher matcher) -> Integer.parseInt(matcher.group(1)))
                    .max()
                    .orElseThrow(() -> new IllegalStateException("no migrations on the class path"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
