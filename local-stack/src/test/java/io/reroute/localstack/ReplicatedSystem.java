package io.reroute.localstack;

import io.reroute.devinfra.DatabaseAccess;
import io.reroute.devinfra.EmbeddedPostgresServer;
import io.reroute.devinfra.EmbeddedRedisServer;
import io.reroute.gateway.support.FakeUpstreamDns;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The production shape on one machine: one PostgreSQL and one Redis (embedded), two platform
 * processes sharing them, two gateways in region {@link #REGION_A} and one in {@link #REGION_B},
 * each its own process from the built jars. The gateways forward normal DNS to a stand-in resolver.
 */
final class ReplicatedSystem implements BeforeAllCallback, AfterAllCallback {

    static final String REGION_A = "eu-west";
    static final String REGION_B = "us-east";
    private static final String HEAP = "320m";
    private static final Duration START = Duration.ofMinutes(4);

    /** A gateway process and the DNS port subscribers ask it on. */
    record Gateway(String region, ManagedProcess process, int dnsPort) {}

    private final List<ManagedProcess> processes = new ArrayList<>();
    private Path data;
    private Path logs;
    private EmbeddedPostgresServer postgres;
    private EmbeddedRedisServer redis;
    private FakeUpstreamDns upstream;
    private DatabaseAccess database;
    private LocalSecrets secrets;
    private final List<ManagedProcess> platforms = new ArrayList<>();
    private final List<Integer> platformPorts = new ArrayList<>();
    private final List<Gateway> gateways = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        data = Files.createTempDirectory("reroute-replicas");
        logs = Files.createDirectories(data.resolve("logs"));
        postgres = EmbeddedPostgresServer.start(data.resolve("postgres"), freePort());
        redis = EmbeddedRedisServer.start(data.resolve("redis"), freePort());
        upstream = new FakeUpstreamDns();
        secrets = LocalSecrets.loadOrCreate(data.resolve("secrets.properties"));
        database = LocalStack.prepareDatabase(postgres, secrets);
        // The first platform migrates; the second starts on the migrated schema, as pods after a Job.
        startPlatform("platform-a", true);
        startPlatform("platform-b", false);
        startGateway("gateway-a1", REGION_A, platformUrl(0));
        startGateway("gateway-a2", REGION_A, platformUrl(1));
        startGateway("gateway-b1", REGION_B, platformUrl(0));
        for (ManagedProcess process : processes) {
            process.awaitHealthy(START);
        }
    }

    private void startPlatform(String name, boolean migrate) throws Exception {
        int port = freePort();
        var environment = LocalStack.databaseEnvironment(database);
        environment.putAll(Map.ofEntries(
                Map.entry("REROUTE_PLATFORM_PORT", Integer.toString(port)),
                Map.entry("REROUTE_DB_MIGRATE_ON_START", Boolean.toString(migrate)),
                Map.entry("REROUTE_REDIS_URL", redis.url()),
                Map.entry("REROUTE_SECRETS_KEY", secrets.secretsKey()),
                // One issuer for both: a token either one issued is good at the other.
                Map.entry("REROUTE_JWT_ISSUER", "http://reroute.test"),
                Map.entry("REROUTE_ONBOARDING_REGIONS", REGION_A + "," + REGION_B),
                Map.entry(
                        "REROUTE_GATEWAY_CREDENTIALS",
                        REGION_A + "=" + gatewaySecret(REGION_A) + "," + REGION_B + "=" + gatewaySecret(REGION_B)),
                Map.entry("REROUTE_PORTAL_SECRET", secrets.portalSecret()),
                // Both replicas' schedulers run every second, so they meet.
                Map.entry("REROUTE_ENFORCEMENT_INTERVAL", "PT1S"),
                Map.entry("REROUTE_ENFORCEMENT_EVALUATION_INITIAL_DELAY", "PT1S")));
        var process = ManagedProcess.launch(home(), logs, name, "platform", port, HEAP, environment);
        processes.add(process);
        platforms.add(process);
        platformPorts.add(port);
        // The second must not race the first's migration.
        process.awaitHealthy(START);
    }

    private void startGateway(String name, String region, String platformUrl) throws IOException {
        int port = freePort();
        int dns = freePort();
        var environment = Map.ofEntries(
                Map.entry("REROUTE_GATEWAY_PORT", Integer.toString(port)),
                Map.entry("REROUTE_REGION", region),
                Map.entry("REROUTE_PLATFORM_URL", platformUrl),
                Map.entry("REROUTE_GATEWAY_SECRET", gatewaySecret(region)),
                Map.entry("REROUTE_REDIS_URL", redis.url()),
                Map.entry("REROUTE_DNS_BIND", "127.0.0.1"),
                Map.entry("REROUTE_DNS_PORT", Integer.toString(dns)),
                Map.entry("REROUTE_DNS_UPSTREAM", upstream.address()),
                Map.entry("REROUTE_CAPTIVE_BIND", "127.0.0.1"),
                Map.entry("REROUTE_CAPTIVE_PORT", Integer.toString(freePort())),
                Map.entry("REROUTE_CAPTIVE_TLS_PORT", Integer.toString(freePort())),
                Map.entry("REROUTE_RADIUS_BIND", "127.0.0.1"),
                Map.entry("REROUTE_RADIUS_AUTH_PORT", Integer.toString(freePort())),
                Map.entry("REROUTE_RADIUS_ACCOUNTING_PORT", Integer.toString(freePort())),
                Map.entry(
                        "REROUTE_GATEWAY_STATE_DIR",
                        data.resolve(name + "-state").toString()));
        var process = ManagedProcess.launch(home(), logs, name, "enforcement-gateway", port, HEAP, environment);
        processes.add(process);
        gateways.add(new Gateway(region, process, dns));
    }

    String platformUrl(int index) {
        return "http://localhost:" + platformPorts.get(index);
    }

    ManagedProcess platform(int index) {
        return platforms.get(index);
    }

    List<Gateway> gateways(String region) {
        return gateways.stream().filter(g -> g.region().equals(region)).toList();
    }

    /** The database as its superuser (row-level security does not apply): for checking, never for acting. */
    Connection database() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgres.port() + "/" + database.database(),
                EmbeddedPostgresServer.SUPERUSER,
                "");
    }

    private String gatewaySecret(String region) {
        return secrets.gatewaySecret() + "-" + region;
    }

    private static Path home() {
        return Path.of(System.getProperty("reroute.home")).toAbsolutePath();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        for (ManagedProcess process : processes.reversed()) {
            process.process().destroy();
        }
        for (ManagedProcess process : processes) {
            if (!process.process().waitFor(30, TimeUnit.SECONDS)) {
                process.process().destroyForcibly();
            }
        }
        if (upstream != null) {
            upstream.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (data != null) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
