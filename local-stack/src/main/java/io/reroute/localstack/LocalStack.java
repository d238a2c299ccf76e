package io.reroute.localstack;

import io.reroute.devinfra.DatabaseAccess;
import io.reroute.devinfra.DatabaseBootstrap;
import io.reroute.devinfra.EmbeddedPostgresServer;
import io.reroute.devinfra.EmbeddedRedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the whole system on one machine: embedded PostgreSQL and Redis with their data under
 * {@code .data/}, then the platform (which applies the migrations and creates the demo workspace),
 * the gateway and both UIs as separate processes, exactly as they run in production.
 */
public final class LocalStack implements AutoCloseable {

    static final String DEMO_CLIENT_ID = "demo-client";
    private static final String DATABASE = "reroute";

    private final LocalStackConfig config;
    private final List<ManagedProcess> processes = new ArrayList<>();
    private EmbeddedPostgresServer postgres;
    private EmbeddedRedisServer redis;
    private LocalSecrets secrets;

    LocalStack(LocalStackConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        var config = LocalStackConfig.fromSystemProperties();
        var stack = new LocalStack(config);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (Exception e) {
            System.err.println("\nThe local stack did not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.println(stack.banner());
        stack.awaitAnyExit();
        System.exit(1);
    }

    void start() throws Exception {
        Files.createDirectories(config.dataDirectory().resolve("logs"));
        secrets = LocalSecrets.loadOrCreate(config.dataDirectory().resolve("local-secrets.properties"));
        say("PostgreSQL (embedded) on port " + config.postgresPort() + ", data in "
                + config.dataDirectory().resolve("postgres"));
        postgres = EmbeddedPostgresServer.start(config.dataDirectory().resolve("postgres"), config.postgresPort());
        say("Redis (embedded) on port " + config.redisPort() + ", data in "
                + config.dataDirectory().resolve("redis"));
        redis = EmbeddedRedisServer.start(config.dataDirectory().resolve("redis"), config.redisPort());
        var database = prepareDatabase(postgres, secrets);

        String platformUrl = "http://localhost:" + config.platformPort();
        var platformEnvironment = databaseEnvironment(database);
        platformEnvironment.putAll(Map.ofEntries(
                Map.entry("REROUTE_PLATFORM_PORT", Integer.toString(config.platformPort())),
                Map.entry("REROUTE_REDIS_URL", redis.url()),
                Map.entry("REROUTE_SECRETS_KEY", secrets.secretsKey()),
                Map.entry("REROUTE_JWT_ISSUER", platformUrl),
                Map.entry("REROUTE_REGION", "local"),
                Map.entry("REROUTE_DEMO_ENABLED", "true"),
                Map.entry("REROUTE_PAYMENTS_SANDBOX_ENABLED", "true"),
                Map.entry("REROUTE_DEMO_CLIENT_ID", DEMO_CLIENT_ID),
                Map.entry("REROUTE_DEMO_CLIENT_SECRET", secrets.demoClientSecret()),
                Map.entry("REROUTE_GATEWAY_CREDENTIALS", "local=" + secrets.gatewaySecret()),
                Map.entry("REROUTE_PORTAL_SECRET", secrets.portalSecret())));
        if (!config.smtp().isBlank()) {
            int colon = config.smtp().lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("reroute.smtp must be host:port, not " + config.smtp());
            }
            platformEnvironment.put("SPRING_MAIL_HOST", config.smtp().substring(0, colon));
            platformEnvironment.put("SPRING_MAIL_PORT", config.smtp().substring(colon + 1));
        }
        var platform = launch("platform", config.platformPort(), platformEnvironment);
        // The platform owns the schema and the demo workspace; the others wait for it.
        platform.awaitHealthy(config.startTimeout());
        var gatewayEnvironment = new HashMap<>(Map.ofEntries(
                Map.entry("REROUTE_GATEWAY_PORT", Integer.toString(config.gatewayPort())),
                Map.entry("REROUTE_REGION", "local"),
                Map.entry("REROUTE_PLATFORM_URL", platformUrl),
                Map.entry("REROUTE_GATEWAY_SECRET", secrets.gatewaySecret()),
                Map.entry("REROUTE_REDIS_URL", redis.url()),
                Map.entry("REROUTE_DNS_BIND", "127.0.0.1"),
                Map.entry("REROUTE_DNS_PORT", Integer.toString(config.dnsPort())),
                Map.entry("REROUTE_CAPTIVE_BIND", "127.0.0.1"),
                Map.entry("REROUTE_CAPTIVE_PORT", Integer.toString(config.captivePort())),
                Map.entry("REROUTE_RADIUS_BIND", "127.0.0.1"),
                Map.entry("REROUTE_RADIUS_AUTH_PORT", Integer.toString(config.radiusAuthPort())),
                Map.entry("REROUTE_RADIUS_ACCOUNTING_PORT", Integer.toString(config.radiusAccountingPort())),
                Map.entry(
                        "REROUTE_GATEWAY_STATE_DIR",
                        config.dataDirectory().resolve("gateway-state").toString())));
        if (!config.dnsUpstream().isBlank()) {
            gatewayEnvironment.put("REROUTE_DNS_UPSTREAM", config.dnsUpstream());
        }
        var others = List.of(
                launch("enforcement-gateway", config.gatewayPort(), gatewayEnvironment),
                launch(
                        "tenant-ui",
                        config.tenantUiPort(),
                        Map.of(
                                "REROUTE_TENANT_UI_PORT",
                                Integer.toString(config.tenantUiPort()),
                                "REROUTE_PLATFORM_URL",
                                platformUrl)),
                launch(
                        "portal-ui",
                        config.portalUiPort(),
                        Map.of(
                                "REROUTE_PORTAL_UI_PORT",
                                Integer.toString(config.portalUiPort()),
                                "REROUTE_PLATFORM_URL",
                                platformUrl,
                                "REROUTE_PORTAL_SECRET",
                                secrets.portalSecret())));
        for (ManagedProcess process : others) {
            process.awaitHealthy(config.startTimeout());
        }
    }

    /** What the portal authenticates to the platform with; for whole-system tests acting as the portal. */
    String portalSecret() {
        return secrets.portalSecret();
    }

    String banner() {
        String platform = "http://localhost:" + config.platformPort();
        String credentials = DEMO_CLIENT_ID + ":" + secrets.demoClientSecret();
        return String.join(
                "\n",
                "",
                "Reroute is running (logs in " + config.dataDirectory().resolve("logs") + "; Ctrl+C stops everything).",
                "",
                "  platform API     " + platform + "/api/v1   (OpenAPI UI: " + platform + "/swagger-ui.html)",
                "  gateway          http://localhost:" + config.gatewayPort() + "/actuator/health   (DNS on 127.0.0.1:"
                        + config.dnsPort() + ", try: dig @127.0.0.1 -p " + config.dnsPort() + " example.com)",
                "                   captive HTTP on http://127.0.0.1:" + config.captivePort() + "/   (RFC 8908 API: "
                        + "/captive-portal/api)",
                "                   RADIUS on 127.0.0.1:" + config.radiusAuthPort() + " (auth) and "
                        + config.radiusAccountingPort() + " (accounting), for NAS clients registered in the API",
                "  tenant admin UI  http://localhost:" + config.tenantUiPort() + "/",
                "  subscriber portal http://localhost:" + config.portalUiPort() + "/",
                "",
                "Demo workspace API client: " + DEMO_CLIENT_ID + " / " + secrets.demoClientSecret(),
                "Try it:",
                "  TOKEN=$(curl -s -u " + credentials + " -d grant_type=client_credentials " + platform
                        + "/oauth2/token | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')",
                "  curl -s -H \"Authorization: Bearer $TOKEN\" " + platform + "/api/v1/workspace",
                "");
    }

    /** The database and its two roles (schema owner, application) on the embedded server, as the platform wants them. */
    static DatabaseAccess prepareDatabase(EmbeddedPostgresServer postgres, LocalSecrets secrets) throws SQLException {
        return DatabaseBootstrap.prepare(
                postgres.superuserJdbcUrl(),
                EmbeddedPostgresServer.SUPERUSER,
                "",
                new DatabaseAccess(
                        "localhost",
                        postgres.port(),
                        DATABASE,
                        "reroute_owner",
                        secrets.ownerPassword(),
                        "reroute_app",
                        secrets.appPassword()));
    }

    /** Where a platform process finds PostgreSQL, as the application and as the schema owner. */
    static Map<String, String> databaseEnvironment(DatabaseAccess database) {
        return new HashMap<>(Map.of(
                "REROUTE_DB_HOST", database.host(),
                "REROUTE_DB_PORT", Integer.toString(database.port()),
                "REROUTE_DB_NAME", database.database(),
                "REROUTE_DB_APP_USERNAME", database.appUsername(),
                "REROUTE_DB_APP_PASSWORD", database.appPassword(),
                "REROUTE_DB_OWNER_USERNAME", database.ownerUsername(),
                "REROUTE_DB_OWNER_PASSWORD", database.ownerPassword()));
    }

    private ManagedProcess launch(String module, int port, Map<String, String> environment) throws IOException {
        say("starting " + module + " on port " + port + " (log: "
                + config.dataDirectory().resolve("logs").resolve(module + ".log") + ")");
        var process = ManagedProcess.launch(
                config.home(),
                config.dataDirectory().resolve("logs"),
                module,
                module,
                port,
                config.heapPerProcess(),
                environment);
        processes.add(process);
        return process;
    }

    void awaitAnyExit() throws InterruptedException {
        while (true) {
            for (ManagedProcess process : processes) {
                if (!process.process().isAlive()) {
                    System.err.println(process.name() + " exited with "
                            + process.process().exitValue() + "; see " + process.log());
                    return;
                }
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }

    @Override
    public synchronized void close() {
        for (ManagedProcess process : processes.reversed()) {
            process.process().destroy();
        }
        for (ManagedProcess process : processes) {
            try {
                if (!process.process().waitFor(30, TimeUnit.SECONDS)) {
                    process.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        closeQuietly(redis);
        redis = null;
        closeQuietly(postgres);
        postgres = null;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
    }

    static void say(String message) {
        System.out.println("[local-stack] " + message);
    }
}
