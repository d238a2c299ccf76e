package io.reroute.platform.payment.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for Stripe's API on a loopback port of its own: it keeps every request and answers
 * {@code POST /v1/checkout/sessions} with a new open, unpaid session, the way Stripe does. Answers
 * are chosen per secret key, so tests sharing one server use keys of their own.
 */
public final class FakeStripeApi implements AutoCloseable {

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    /** A request as Stripe got it. */
    public record Request(
            String method, String path, String authorization, String idempotencyKey, Map<String, String> form) {}

    private record Answer(int status, String body, Duration delay) {}

    private FakeStripeApi(HttpServer server) {
        this.server = server;
    }

    public static FakeStripeApi start() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            var fake = new FakeStripeApi(server);
            server.createContext("/", fake::handle);
            // A slow answer must not hold up the others.
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL to give {@link StripeApi}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on, answers requests with {@code secretKey} with Stripe's error body of this type. */
    public void answerError(String secretKey, int status, String type, String message) {
        var error = new LinkedHashMap<String, Object>();
        error.put("type", type);
        error.put("message", message);
        error.put("request_log_url", "https://dashboard.stripe.com/test/logs/req_fake");
        answers.put(
                secretKey, new Answer(status, JsonMapper.shared().writeValueAsString(Map.of("error", error)), null));
    }

    /** From now on, answers requests with {@code secretKey} as usual, but only after {@code delay}. */
    public void answerAfter(String secretKey, Duration delay) {
        answers.put(secretKey, new Answer(200, null, delay));
    }

    /** Every request made with {@code secretKey} (as a bearer token) so far. */
    public List<Request> requests(String secretKey) {
        return requests.stream()
                .filter(r -> ("Bearer " + secretKey).equals(r.authorization()))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            var request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    authorization,
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            requests.add(request);
            String secretKey = authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
            Answer answer = answers.getOrDefault(secretKey, new Answer(200, null, null));
            if (answer.delay() != null) {
                Thread.sleep(answer.delay());
            }
            int status = answer.status();
            String body = answer.body();
            if (body == null) {
                if (request.method().equals("POST") && request.path().equals("/v1/checkout/sessions")) {
                    body = session(request.form());
                } else {
                    status = 404;
                    body = "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL\"}}";
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Request-Id", "req_fake" + requests.size());
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> form(String body) {
        var fields = new LinkedHashMap<String, String>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                fields.put(
                        URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    /** A new session as Stripe answers it, echoing what the form asked for. */
    private static String session(Map<String, String> form) {
        String id = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        long created = Instant.now().getEpochSecond();
        var metadata = new LinkedHashMap<String, String>();
        form.forEach((key, value) -> {
            if (key.startsWith("metadata[") && key.endsWith("]")) {
                metadata.put(key.substring("metadata[".length(), key.length() - 1), value);
            }
        });
        String amount = form.get("line_items[0][price_data][unit_amount]");
        var session = new LinkedHashMap<String, Object>();
        session.put("id", id);
        session.put("object", "checkout.session");
        session.put("amount_subtotal", amount == null ? null : Long.parseLong(amount));
        session.put("amount_total", amount == null ? null : Long.parseLong(amount));
        session.put("cancel_url", form.get("cancel_url"));
        session.put("client_reference_id", form.get("client_reference_id"));
        session.put("created", created);
        session.put("currency", form.get("line_items[0][price_data][currency]"));
        session.put("customer_email", form.get("customer_email"));
        session.put(
                "expires_at",
                form.containsKey("expires_at")
                        ? Long.parseLong(form.get("expires_at"))
                        : created + Duration.ofHours(24).toSeconds());
        session.put("livemode", false);
        session.put("metadata", metadata);
        session.put("mode", form.get("mode"));
        session.put("payment_intent", null);
        session.put("payment_status", "unpaid");
        session.put("status", "open");
        session.put("success_url", form.get("success_url"));
        session.put("url", "https://checkout.stripe.com/c/pay/" + id);
        return JsonMapper.shared().writeValueAsString(session);
    }
}
