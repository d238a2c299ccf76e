package io.reroute.platform.bench;

import io.reroute.devinfra.TestInfrastructure;
import io.reroute.platform.PlatformApplication;
import io.reroute.platform.support.TestInfrastructureInitializer;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.workspace.NewWorkspace;
import io.reroute.platform.workspace.WorkspaceProvisioning;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform started in this JVM for a benchmark, on the test infrastructure (embedded
 * PostgreSQL and Redis, or the ones the environment names), with a superuser connection for
 * seeding and checking; the benchmark runs the jobs itself, as the tests do.
 */
final class InProcessPlatform implements AutoCloseable {

    final ConfigurableApplicationContext context;
    /** The database owner, past row-level security: for seeding, peers and checks. */
    final Connection owner;

    private InProcessPlatform(ConfigurableApplicationContext context, Connection owner) {
        this.context = context;
        this.owner = owner;
    }

    static InProcessPlatform start() throws SQLException {
        var context = new SpringApplicationBuilder(PlatformApplication.class)
                .initializers(new TestInfrastructureInitializer())
                .properties(Map.of(
                        "server.port", "0",
                        "logging.level.root", "WARN",
                        "spring.r2dbc.pool.max-size", "10"))
                .run();
        var infrastructure = TestInfrastructure.get();
        return new InProcessPlatform(
                context,
                DriverManager.getConnection(
                        infrastructure.superuserJdbcUrl(),
                        infrastructure.superuser(),
                        infrastructure.superuserPassword()));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    WorkspaceId workspace(String slug, String name, String region) {
        return bean(WorkspaceProvisioning.class)
                .provision(new NewWorkspace(slug, name, region, "EUR"), new Actor("bench"))
                .block()
                .id();
    }

    void deleteWorkspaces(WorkspaceId... workspaces) throws SQLException {
        try (var delete = owner.prepareStatement("DELETE FROM workspace WHERE id = ?")) {
            for (WorkspaceId workspace : workspaces) {
                delete.setObject(1, workspace.value());
                delete.executeUpdate();
            }
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() throws SQLException {
        try {
            owner.close();
        } finally {
            context.close();
        }
    }
}
