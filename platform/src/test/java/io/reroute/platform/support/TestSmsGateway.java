package io.reroute.platform.support;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for an HTTP SMS provider, once per test JVM on a port of its own: it takes
 * {@code POST /messages} with {@code {"from", "to", "text"}}, keeps every request, and answers 200
 * unless a test chose another status for the recipient's number. Tests use numbers of their own.
 */
public final class TestSmsGateway {

    /** The bearer token the platform is configured with. */
    public static final String TOKEN = "test-sms-token-0123456789";

    /** The sender the platform is configured with. */
    public static final String FROM = "Reroute";

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, Integer> STATUS_BY_NUMBER = new ConcurrentHashMap<>();
    private static HttpServer server;

    private TestSmsGateway() {}

    /** A request as the provider got it. */
    public record Received(String authorization, String contentType, String from, String to, String text) {}

    /** The URL to configure as {@code reroute.sms.http.url}. */
    public static synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/messages", TestSmsGateway::handle);
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/messages";
    }

    /** From now on, answers messages to {@code number} (as sent: without spaces) with {@code status}. */
    public static void answer(String number, int status) {
        STATUS_BY_NUMBER.put(number, status);
    }

    /** Every message sent to {@code number} (as sent: without spaces) so far, answered or not. */
    public static List<Received> receivedBy(String number) {
        return RECEIVED.stream().filter(r -> number.equals(r.to())).toList();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var json = JsonPath.parse(body);
            String to = json.read("$.to");
            RECEIVED.add(new Received(
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    json.read("$.from"),
                    to,
                    json.read("$.text")));
            int status = STATUS_BY_NUMBER.getOrDefault(to, 200);
            // Errors echo the number, as real providers do; the platform must not keep it in the clear.
            byte[] answer = (status < 300
                            ? "{\"id\":\"m-" + RECEIVED.size() + "\"}"
                            : "{\"error\":\"not deliverable to " + to + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }
}
