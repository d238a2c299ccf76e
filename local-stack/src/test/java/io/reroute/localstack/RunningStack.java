package io.reroute.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole system started once for a test class, as the README's run command starts it (built jars,
 * embedded PostgreSQL and Redis), on free ports and with its data in a fresh directory.
 */
final class RunningStack implements BeforeAllCallback, AfterAllCallback {

    private Path data;
    private LocalStackConfig config;
    private LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        data = Files.createTempDirectory("reroute-stack");
        config = onFreePorts(data);
        stack = new LocalStack(config);
        stack.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (stack != null) {
            stack.close();
        }
        if (data != null) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    String platformUrl() {
        return "http://localhost:" + config.platformPort();
    }

    String tenantUiUrl() {
        return "http://localhost:" + config.tenantUiPort();
    }

    /** Every port the stack listens on, each free when asked; the heap kept small for a 2-core CI machine. */
    static LocalStackConfig onFreePorts(Path data) throws IOException {
        return new LocalStackConfig(
                Path.of(System.getProperty("reroute.home")).toAbsolutePath(),
                data,
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                "320m",
                Duration.ofMinutes(4));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
