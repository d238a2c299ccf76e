package io.reroute.gateway.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The platform's region snapshot endpoint as a gateway sees it (same path, Basic credentials and
 * NDJSON format), serving whatever the test sets; it can be taken down.
 */
public final class FakePlatform implements AutoCloseable {

    private final AtomicReference<String> snapshot = new AtomicReference<>("");
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicInteger requests = new AtomicInteger();
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
                    return response.header("Content-Type", "application/x-ndjson")
                            .sendString(Mono.just(snapshot.get()));
                }))
                .bindNow();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public void serve(String ndjson) {
        snapshot.set(ndjson);
    }

    public void up(boolean available) {
        up.set(available);
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
