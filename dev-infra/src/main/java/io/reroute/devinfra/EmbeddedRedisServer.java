package io.reroute.devinfra;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/** A Redis server from the embedded binary, bound to loopback, persisting to a folder of our choosing. */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedisServer(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts Redis on {@code port} (0 picks a free one); data is appended to a file in {@code dataDirectory}. */
    public static EmbeddedRedisServer start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        int chosen = port > 0 ? port : freePort();
        RedisServer server = RedisServer.newRedisServer()
                .port(chosen)
                .bind("127.0.0.1")
                .setting("dir " + dataDirectory.toAbsolutePath())
                .setting("appendonly yes")
                // The OS flushes the file: with fsync every second, a disk busy with a build stalls
                // Redis's writes for seconds, past the clients' 2 s command timeout.
                .setting("appendfsync no")
                .setting("save \"\"")
                .setting("protected-mode yes")
                .build();
        server.start();
        return new EmbeddedRedisServer(server, chosen);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
