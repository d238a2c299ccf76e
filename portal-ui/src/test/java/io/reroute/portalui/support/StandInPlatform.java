package io.reroute.portalui.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The platform's portal API as two workspaces' portals see it, for the portal's own tests (the whole
 * system's browser tests use the real platform): hosts {@code pay.isp-a.example} and {@code
 * pay.isp-b.example}; the link token {@code good-token} opens session {@code session-a} on A only;
 * that session sees account {@code A-1}. Every call it received is kept.
 */
public final class StandInPlatform implements AutoCloseable {

    public static final String HOST_A = "pay.isp-a.example";
    public static final String HOST_B = "pay.isp-b.example";
    public static final String LINK_TOKEN = "good-token";
    static final String SESSION = "session-a";

    /** One call: method, path, and the portal session and host it carried. */
    public record Call(String method, String path, String session, String host, String body) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public StandInPlatform() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String path) {
        return calls.stream().filter(call -> call.path().equals(path)).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String session = exchange.getRequestHeaders().getFirst("X-Portal-Session");
        String host = exchange.getRequestHeaders().getFirst("X-Portal-Host");
        calls.add(new Call(exchange.getRequestMethod(), path, session, host, body));
        boolean sessionOnA = SESSION.equals(session) && HOST_A.equals(host);
        switch (path) {
            case "/internal/portal/hosts/" + HOST_A -> json(exchange, 200, brand("ISP A"));
            case "/internal/portal/hosts/" + HOST_B -> json(exchange, 200, brand("ISP B"));
            case "/internal/portal/sessions" -> {
                if (body.contains("\"" + LINK_TOKEN + "\"") && body.contains("\"" + HOST_A + "\"")) {
                    json(
                            exchange,
                            201,
                            "{\"session\":\"" + SESSION + "\",\"expiresAt\":\"2026-11-21T12:00:00Z\","
                                    + "\"purpose\":\"PAY\"}");
                } else {
                    json(
                            exchange,
                            422,
                            "{\"type\":\"urn:reroute:problem:link-rejected\",\"title\":\"Link rejected\","
                                    + "\"status\":422,\"reason\":\"FOREIGN_HOST\"}");
                }
            }
            case "/internal/portal/account" -> {
                if (sessionOnA) {
                    json(exchange, 200, ACCOUNT);
                } else {
                    sessionEnded(exchange);
                }
            }
            case "/internal/portal/link-requests", "/internal/portal/codes" -> json(exchange, 202, "{}");
            default ->
                json(
                        exchange,
                        404,
                        "{\"type\":\"urn:reroute:problem:not-found\",\"title\":\"Not found\",\"status\":404}");
        }
    }

    private static final String ACCOUNT = """
            {"name":"Ana","accountNumber":"A-1","email":"ana@isp-a.example","state":"BLOCKED",
             "stateSince":"2026-11-20T08:00:00Z","stateVersion":3,
             "openInvoices":[{"id":"6f1c1d6e-0c1a-4c61-9d0a-2b0c8d5a7e11","number":"INV-A","amount":19.90,
               "currency":"EUR","dueDate":"2026-11-01","overdue":true}],
             "totalDue":19.90,"currency":"EUR","usage":null,"topUps":[],"paymentProvider":"SANDBOX"}""";

    private static String brand(String name) {
        return "{\"displayName\":\"" + name + "\",\"currency\":\"EUR\",\"branding\":{\"title\":\"" + name
                + "\",\"primaryColor\":\"#123456\",\"accentColor\":\"#654321\",\"buttonLabel\":\"Pay now\"}}";
    }

    private static void sessionEnded(HttpExchange exchange) throws IOException {
        json(
                exchange,
                422,
                "{\"type\":\"urn:reroute:problem:portal-session-ended\",\"title\":\"Portal session ended\","
                        + "\"status\":422}");
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
