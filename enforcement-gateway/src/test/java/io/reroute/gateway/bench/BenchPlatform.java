package io.reroute.gateway.bench;

import io.reroute.devinfra.DatabaseAccess;
import io.reroute.devinfra.DatabaseBootstrap;
import io.reroute.devinfra.EmbeddedPostgresServer;
import io.reroute.devinfra.EmbeddedRedisServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform as its own process, from its jar, on embedded PostgreSQL: it applies the migrations
 * and creates the demo workspace in region {@code bench} with an API client holding every scope,
 * which the benchmark drives through the public API.
 */
final class BenchPlatform implements AutoCloseable {

    static final String JAR = System.getProperty("platform.jar", "platform/target/platform.jar");
    private static final String CLIENT_ID = "bench-client";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EmbeddedPostgresServer postgres;
    private final Process process;
    private final String url;
    private final String clientSecret;
    private final String gatewaySecret;

    private BenchPlatform(
            EmbeddedPostgresServer postgres, Process process, String url, String clientSecret, String gatewaySecret) {
        this.postgres = postgres;
        this.process = process;
        this.url = url;
        this.clientSecret = clientSecret;
        this.gatewaySecret = gatewaySecret;
    }

    static BenchPlatform start(Path dir, EmbeddedRedisServer redis) throws Exception {
        var postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), 0);
        var database = DatabaseBootstrap.prepare(
                postgres.superuserJdbcUrl(),
                EmbeddedPostgresServer.SUPERUSER,
                "",
                new DatabaseAccess(
                        "localhost",
                        postgres.port(),
                        "reroute",
                        "reroute_owner",
                        random(24),
                        "reroute_app",
                        random(24)));
        int port = BenchGateway.freePort();
        String url = "http://127.0.0.1:" + port;
        String clientSecret = random(24);
        String gatewaySecret = random(24);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        var builder = new ProcessBuilder(
                        System.getProperty("java.home") + "/bin/java",
                        "-Xmx768m",
                        "-jar",
                        JAR,
                        "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("platform.log").toFile());
        builder.environment()
                .putAll(Map.ofEntries(
                        Map.entry("REROUTE_PLATFORM_PORT", Integer.toString(port)),
                        Map.entry("REROUTE_DB_HOST", database.host()),
                        Map.entry("REROUTE_DB_PORT", Integer.toString(database.port())),
                        Map.entry("REROUTE_DB_NAME", database.database()),
                        Map.entry("REROUTE_DB_APP_USERNAME", database.appUsername()),
                        Map.entry("REROUTE_DB_APP_PASSWORD", database.appPassword()),
                        Map.entry("REROUTE_DB_OWNER_USERNAME", database.ownerUsername()),
                        Map.entry("REROUTE_DB_OWNER_PASSWORD", database.ownerPassword()),
                        Map.entry("REROUTE_REDIS_URL", redis.url()),
                        Map.entry("REROUTE_SECRETS_KEY", Base64.getEncoder().encodeToString(key)),
                        Map.entry("REROUTE_JWT_ISSUER", url),
                        Map.entry("REROUTE_REGION", BenchGateway.REGION),
                        Map.entry("REROUTE_DEMO_ENABLED", "true"),
                        Map.entry("REROUTE_DEMO_CLIENT_ID", CLIENT_ID),
                        Map.entry("REROUTE_DEMO_CLIENT_SECRET", clientSecret),
                        Map.entry("REROUTE_GATEWAY_CREDENTIALS", BenchGateway.REGION + "=" + gatewaySecret),
                        Map.entry("REROUTE_PORTAL_SECRET", random(24))));
        var platform = new BenchPlatform(postgres, builder.start(), url, clientSecret, gatewaySecret);
        try {
            platform.awaitHealthy(dir.resolve("platform.log"));
        } catch (Exception e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    String url() {
        return url;
    }

    String gatewaySecret() {
        return gatewaySecret;
    }

    /** A bearer token of the demo workspace's API client. */
    String token() throws IOException, InterruptedException {
        String basic =
                Base64.getEncoder().encodeToString((CLIENT_ID + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "/oauth2/token"))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private void awaitHealthy(Path log) throws Exception {
        var http = HttpClient.newHttpClient();
        var health = HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                .build();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform exited; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                        && !token().isEmpty()) {
                    return;
                }
            } catch (IOException | IllegalStateException notYet) {
                // still starting, or the demo client not created yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the platform did not become ready; see " + log);
    }

    private static String random(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        postgres.close();
    }
}
