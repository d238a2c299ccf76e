package io.reroute.gateway.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The platform's gateway endpoints as a gateway sees them (same paths, Basic credentials and
 * formats): the region snapshot the test sets, and link signing that numbers each link it signs;
 * it can be taken down.
 */
public final class FakePlatform implements AutoCloseable {

    /** Where the links this fake signs point: the portal the reminder host would serve. */
    public static final String LINK_HOST = "portal.isp.example";

    private static final Pattern SUBSCRIBER_ID = Pattern.compile("\"subscriberId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final AtomicReference<String> snapshot = new AtomicReference<>("");
    private final AtomicReference<Path> snapshotFile = new AtomicReference<>();
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger linksSigned = new AtomicInteger();
    private final DisposableServer server;

    public FakePlatform(String region, String secret) {
        String expected = "Basic "
                + Base64.getEncoder()
                        .encodeToString(("gateway." + region + ":" + secret).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get("/internal/regions/" + region + "/snapshot", (request, response) -> {
                            requests.incrementAndGet();
                            if (!up.get()) {
                                return response.status(503).send();
                            }
                            if (!expected.equals(request.requestHeaders().get("Authorization"))) {
                                return response.status(401).send();
                            }
                            response.header("Content-Type", "application/x-ndjson");
                            Path file = snapshotFile.get();
                            return file != null
                                    ? response.sendFile(file)
                                    : response.sendString(Mono.just(snapshot.get()));
                        })
                        .post("/internal/regions/" + region + "/reminder-links", (request, response) -> {
                            if (!up.get()) {
                                return response.status(503).send();
                            }
                            if (!expected.equals(request.requestHeaders().get("Authorization"))) {
                                return response.status(401).send();
                            }
                            return request.receive().aggregate().asString().flatMap(body -> {
                                var subscriber = SUBSCRIBER_ID.matcher(body);
                                if (!subscriber.find()) {
                                    return response.status(400).send().then();
                                }
                                String url = "https://" + LINK_HOST + "/link/signed-" + subscriber.group(1) + "-"
                                        + linksSigned.incrementAndGet();
                                return response.status(201)
                                        .header("Content-Type", "application/json")
                                        .sendString(Mono.just("{\"url\":\"" + url
                                                + "\",\"purpose\":\"PAY\",\"expiresAt\":\"2026-12-01T00:00:00Z\"}"))
                                        .then();
                            });
                        }))
                .bindNow();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public void serve(String ndjson) {
        snapshot.set(ndjson);
    }

    /** Serves a snapshot from a file, for snapshots too large to hold as a string. */
    public void serve(Path ndjson) {
        snapshotFile.set(ndjson);
    }

    public void up(boolean available) {
        up.set(available);
    }

    /** How many links were signed so far. */
    public int linksSigned() {
        return linksSigned.get();
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
