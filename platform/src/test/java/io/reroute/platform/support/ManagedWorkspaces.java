package io.reroute.platform.support;

import io.reroute.devinfra.TestInfrastructure;
import io.reroute.platform.apiclient.ApiClients;
import io.reroute.platform.security.ApiScope;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.workspace.NewWorkspace;
import io.reroute.platform.workspace.WorkspaceProvisioning;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Workspaces with a lifecycle: created through the real provisioning path with an API client that
 * holds every scope, and deleted (with everything they own) after the test class.
 *
 * <pre>
 * &#64;RegisterExtension static ManagedWorkspaces workspaces = new ManagedWorkspaces();
 * TestWorkspace a = workspaces.create();
 * </pre>
 */
public final class ManagedWorkspaces implements BeforeAllCallback, AfterAllCallback {

    private static final Actor FIXTURE = new Actor("test-fixture");

    private final List<TestWorkspace> created = new ArrayList<>();
    private ApplicationContext context;

    @Override
    public void beforeAll(ExtensionContext extension) {
        context = SpringExtension.getApplicationContext(extension);
    }

    public TestWorkspace create() {
        return create("eu-west");
    }

    /** A workspace in {@code region}; tests that read a region's stream use a region of their own. */
    public TestWorkspace create(String region) {
        String slug = "ws-" + UUID.randomUUID().toString().substring(0, 12);
        var workspace = context.getBean(WorkspaceProvisioning.class)
                .provision(new NewWorkspace(slug, "ISP " + slug, region, "EUR"), FIXTURE)
                .block();
        String secret = "test-secret-" + UUID.randomUUID() + UUID.randomUUID();
        var client = context.getBean(ApiClients.class)
                .register(workspace.id(), FIXTURE, "fixture", EnumSet.allOf(ApiScope.class), "tc_" + slug, secret)
                .block();
        int port = context.getBean(Environment.class).getRequiredProperty("local.server.port", Integer.class);
        var testWorkspace =
                new TestWorkspace(workspace.id(), slug, client.client().clientId(), secret, new PlatformApi(port));
        created.add(testWorkspace);
        return testWorkspace;
    }

    @Override
    public void afterAll(ExtensionContext extension) throws SQLException {
        var infrastructure = TestInfrastructure.get();
        try (var connection = DriverManager.getConnection(
                        infrastructure.superuserJdbcUrl(),
                        infrastructure.superuser(),
                        infrastructure.superuserPassword());
                var delete = connection.prepareStatement("DELETE FROM workspace WHERE id = ?")) {
            for (TestWorkspace workspace : created) {
                delete.setObject(1, workspace.id().value());
                delete.executeUpdate();
            }
        }
        created.clear();
    }
}
