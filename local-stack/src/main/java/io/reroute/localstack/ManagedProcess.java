package io.reroute.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of the system's processes, started from its module's built jar, and how to tell it is ready. */
record ManagedProcess(String name, Process process, URI health, Path log) {

    /**
     * Starts {@code module}'s jar (under {@code home}) as {@code name}, logging to {@code
     * <logs>/<name>.log}; {@code port} is where it answers its health.
     */
    static ManagedProcess launch(
            Path home, Path logs, String name, String module, int port, String heap, Map<String, String> environment)
            throws IOException {
        Path jar = home.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build it first (the README's run command does)");
        }
        Path log = logs.resolve(name + ".log");
        var command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + heap, "-XX:TieredStopAtLevel=1"));
        if (Runtime.version().feature() >= 23) {
            // Netty writes strings a character at a time when the JVM denies it sun.misc.Unsafe,
            // which Java 25 does by default (docs/configuration.md).
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-jar", jar.toString()));
        var builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        return new ManagedProcess(
                name, builder.start(), URI.create("http://localhost:" + port + "/actuator/health"), log);
    }

    void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited during start-up with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                var response = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    LocalStack.say(name + " is up");
                    return;
                }
            } catch (IOException notYet) {
                // Still starting; poll again.
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + ":\n" + tail(log));
    }

    /** Stops it at once, as a crashed node or an OOM kill would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
