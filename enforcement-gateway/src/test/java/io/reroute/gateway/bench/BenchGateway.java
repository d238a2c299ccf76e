package io.reroute.gateway.bench;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The gateway as its own process, from its jar and with the production heap limit, as the
 * benchmarks run it: region {@code bench}, everything but what {@code arguments} turns on switched off.
 */
record BenchGateway(Process process, int httpPort, Duration readyAfter) {

    static final String REGION = "bench";
    static final String JAR = System.getProperty("gateway.jar", "enforcement-gateway/target/enforcement-gateway.jar");

    /**
     * Starts it against the platform at {@code platformUrl} and waits until it is ready (state
     * loaded); {@code properties} ({@code reroute.gateway.*} without the prefix) turn on what is measured.
     */
    static BenchGateway start(
            Path dir, String name, String platformUrl, String secret, String redisUrl, Map<String, String> properties)
            throws Exception {
        return start(dir, name, platformUrl, secret, redisUrl, properties, List.of());
    }

    /**
     * A gateway answering RADIUS only, on 127.0.0.1 at these ports, with ZGC as
     * docs/configuration.md recommends for gateways (pauses of a millisecond, not tens).
     */
    static BenchGateway radius(
            Path dir, String platformUrl, String secret, String redisUrl, int authPort, int accountingPort)
            throws Exception {
        return start(
                dir,
                "gateway",
                platformUrl,
                secret,
                redisUrl,
                Map.of(
                        "radius.enabled",
                        "true",
                        "radius.bind",
                        "127.0.0.1",
                        "radius.auth-port",
                        Integer.toString(authPort),
                        "radius.accounting-port",
                        Integer.toString(accountingPort)),
                List.of("-XX:+UseZGC"));
    }

    /** {@link #start} with these JVM options too (the heap limit stays). */
    static BenchGateway start(
            Path dir,
            String name,
            String platformUrl,
            String secret,
            String redisUrl,
            Map<String, String> properties,
            List<String> jvmOptions)
            throws Exception {
        int httpPort = freePort();
        long started = System.nanoTime();
        var settings = new LinkedHashMap<String, String>();
        settings.put("region", REGION);
        settings.put("platform-url", platformUrl);
        settings.put("sync.secret", secret);
        settings.put("dns.enabled", "false");
        settings.put("captive.enabled", "false");
        settings.put("radius.enabled", "false");
        settings.putAll(properties);
        var command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx512m"));
        command.addAll(jvmOptions);
        // For a profile of the gateway under load, e.g. -Dgateway.jvm-options=-XX:StartFlightRecording=filename=gw.jfr
        String options = System.getProperty("gateway.jvm-options", "");
        if (!options.isBlank()) {
            command.addAll(List.of(options.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-jar",
                JAR,
                "--server.port=" + httpPort,
                "--spring.data.redis.url=" + redisUrl,
                "--logging.level.root=WARN"));
        settings.forEach((key, value) -> command.add("--reroute.gateway." + key + "=" + value));
        Path log = dir.resolve(name + ".log");
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var http = HttpClient.newHttpClient();
        var ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness"))
                .build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new BenchGateway(process, httpPort, Duration.ofNanos(System.nanoTime() - started));
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        process.destroy();
        throw new IllegalStateException("the gateway did not become ready; see " + log);
    }

    long pid() {
        return process.pid();
    }

    /** A counter or gauge from its Prometheus endpoint, summed over its tags; 0 when absent. */
    double metric(String name) throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        var line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(response.body());
        double sum = 0;
        while (line.find()) {
            sum += Double.parseDouble(line.group(2));
        }
        return sum;
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** A free UDP port on loopback, for the RADIUS listeners. */
    static int freeUdpPort() throws IOException {
        try (var socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            return socket.getLocalPort();
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
