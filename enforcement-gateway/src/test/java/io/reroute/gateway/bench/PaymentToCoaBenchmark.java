package io.reroute.gateway.bench;

import io.reroute.devinfra.EmbeddedRedisServer;
import io.reroute.gateway.support.TestCoaListener;
import io.reroute.gateway.support.TestNas;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * From a payment to the CoA reaching the NAS, end to end and through the public API: the platform
 * and the gateway as their own processes, on embedded PostgreSQL and Redis; a test NAS at
 * 127.0.0.1 whose subscribers each have an open session, all blocked by an overdue invoice. Then
 * each subscriber's payment is posted, at a fixed rate, and timed until the CoA-Request restoring
 * their session arrives at the NAS (payment committed, outbox relayed to the region's stream, the
 * gateway's live enforcement). Run through {@code bench/radius.sh}.
 */
public final class PaymentToCoaBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NAS_SECRET = "bench-nas-secret-0123456789";
    private static final int MIKROTIK_ADDRESS_LIST = 19;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private PaymentToCoaBenchmark() {}

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int paymentsPerSecond = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path dir = Files.createTempDirectory("payment-coa-bench");
        try (var redis = EmbeddedRedisServer.start(dir.resolve("redis"), 0);
                var platform = BenchPlatform.start(dir, redis);
                var coa = new TestCoaListener("127.0.0.1", NAS_SECRET);
                var nas = new TestNas("127.0.0.1", NAS_SECRET)) {
            int authPort = BenchGateway.freeUdpPort();
            int accountingPort = BenchGateway.freeUdpPort();
            var gateway = BenchGateway.radius(
                    dir, platform.url(), platform.gatewaySecret(), redis.url(), authPort, accountingPort);
            try {
                run(new Api(platform), gateway, coa, nas, accountingPort, subscribers, paymentsPerSecond);
            } finally {
                gateway.stop();
            }
        }
        System.exit(0);
    }

    private static void run(
            Api api,
            BenchGateway gateway,
            TestCoaListener coa,
            TestNas nas,
            int accountingPort,
            int subscribers,
            int paymentsPerSecond)
            throws Exception {
        String nasId = api.post(
                        "/nas-clients",
                        Map.of(
                                "name", "bench-nas",
                                "address", "127.0.0.1",
                                "secret", NAS_SECRET,
                                "coaPort", coa.port(),
                                "vendor", "MIKROTIK"))
                .get("id")
                .asString();
        String planId = api.post(
                        "/plans",
                        Map.of(
                                "name", "Home 50",
                                "price", "30.00",
                                "currency", "USD",
                                "billingCycle", "MONTHLY",
                                "downloadKbps", 50_000,
                                "uploadKbps", 10_000))
                .get("id")
                .asString();
        var ids = new ArrayList<String>();
        var usernames = new HashMap<String, Integer>();
        for (int i = 0; i < subscribers; i++) {
            String username = "payer" + i;
            var subscriber = new LinkedHashMap<String, Object>();
            subscriber.put("accountNumber", "P-" + i);
            subscriber.put("name", "Payer " + i);
            subscriber.put("pppoeUsername", username);
            subscriber.put("pppoePassword", "secret-" + i);
            subscriber.put("nasId", nasId);
            subscriber.put("planId", planId);
            ids.add(api.post("/subscribers", subscriber).get("id").asString());
            usernames.put(username, i);
        }
        await(
                "the gateway to hold " + subscribers + " subscribers",
                () -> gateway.metric("reroute_gateway_subscribers") >= subscribers);
        // Each subscriber online: a session the gateway knows, on this NAS.
        for (int i = 0; i < subscribers; i++) {
            var answer = nas.accounting(
                    accountingPort,
                    Map.of(
                            "Acct-Status-Type", "Start",
                            "User-Name", "payer" + i,
                            "Acct-Session-Id", "s" + i,
                            "Framed-IP-Address", "100.64." + (i >>> 8) + "." + (i & 0xff),
                            "NAS-IP-Address", "127.0.0.1"));
            if (answer.isEmpty()) {
                throw new IllegalStateException("no Accounting-Response for session s" + i);
            }
        }
        // Overdue invoices block everyone; the restricting CoAs are drained before the payments.
        LocalDate overdue = LocalDate.now(ZoneOffset.UTC).minusDays(60);
        var invoices = new ArrayList<String>();
        for (int i = 0; i < subscribers; i++) {
            invoices.add(api.post(
                            "/invoices",
                            Map.of(
                                    "subscriberId",
                                    ids.get(i),
                                    "number",
                                    "INV-" + i,
                                    "amount",
                                    "30.00",
                                    "currency",
                                    "USD",
                                    "dueDate",
                                    overdue.toString()))
                    .get("id")
                    .asString());
        }
        int restricted = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (restricted < subscribers && System.nanoTime() < deadline) {
            var received = coa.next(1);
            if (received != null && received.attributes().containsKey("14988:" + MIKROTIK_ADDRESS_LIST)) {
                restricted++;
            }
        }
        if (restricted < subscribers) {
            throw new IllegalStateException("only " + restricted + " of " + subscribers + " sessions were restricted");
        }

        System.out.printf(
                Locale.ROOT,
                "%n%,d blocked subscribers, each with an open session on the test NAS; one payment every %d ms"
                        + " through POST /api/v1/payments%n",
                subscribers,
                1000 / paymentsPerSecond);
        long[] paidAt = new long[subscribers];
        var answered = new ArrayList<CompletableFuture<Long>>();
        long start = System.nanoTime();
        for (int i = 0; i < subscribers; i++) {
            long due = start + i * TimeUnit.SECONDS.toNanos(1) / paymentsPerSecond;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            paidAt[i] = System.nanoTime();
            long sent = paidAt[i];
            answered.add(api.postAsync(
                            "/payments",
                            Map.of(
                                    "subscriberId",
                                    ids.get(i),
                                    "invoiceIds",
                                    List.of(invoices.get(i)),
                                    "amount",
                                    "30.00",
                                    "currency",
                                    "USD",
                                    "provider",
                                    "bench",
                                    "providerReference",
                                    "bench-" + i))
                    .thenApply(body -> System.nanoTime() - sent));
        }
        var apiLatency = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        for (var future : answered) {
            apiLatency.recordValue(future.get(1, TimeUnit.MINUTES));
        }
        var coaLatency = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        int restored = 0;
        int disconnects = 0;
        var seen = new boolean[subscribers];
        long waitUntil = System.nanoTime() + WAIT.toNanos();
        while (restored < subscribers && System.nanoTime() < waitUntil) {
            var received = coa.next(1);
            Integer i = received == null
                    ? null
                    : usernames.get(received.attributes().get("1"));
            if (i == null || seen[i] || received.attributes().containsKey("14988:" + MIKROTIK_ADDRESS_LIST)) {
                continue;
            }
            // The first request restoring the session: RouterOS cannot take an address list off a
            // session by CoA, so the gateway disconnects it and it logs in again with its plan.
            seen[i] = true;
            coaLatency.recordValue(received.arrivedAt() - paidAt[i]);
            restored++;
            if (received.code() == TestCoaListener.DISCONNECT_REQUEST) {
                disconnects++;
            }
        }
        for (int i = 0; i < subscribers; i++) {
            if (!seen[i]) {
                // Where one that never arrived stopped, as the platform saw it.
                System.out.println("no restoring request for " + ids.get(i) + "; its enforcement history: "
                        + api.get("/subscribers/" + ids.get(i) + "/enforcement"));
                break;
            }
        }
        System.out.printf(Locale.ROOT, "%-52s %10s %10s %10s%n", "", "p50 (ms)", "p99 (ms)", "max (ms)");
        latencyRow("payment answered by the API", apiLatency);
        latencyRow("payment sent -> restoring request at the NAS", coaLatency);
        System.out.printf(
                Locale.ROOT,
                "restoring requests received: %,d of %,d (within %d s of the last payment), %,d of them"
                        + " Disconnect-Requests, the others CoA-Requests%n",
                restored,
                subscribers,
                WAIT.toSeconds(),
                disconnects);
        double p99 = coaLatency.getValueAtPercentile(99) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "Target: p99 from payment to the restoring request < 500 ms: %s%n",
                restored == subscribers && p99 < 500 ? "met" : "NOT met");
    }

    private static void latencyRow(String label, Histogram latencies) {
        System.out.printf(
                Locale.ROOT,
                "%-52s %10.1f %10.1f %10.1f%n",
                label,
                latencies.getValueAtPercentile(50) / 1e6,
                latencies.getValueAtPercentile(99) / 1e6,
                latencies.getMaxValue() / 1e6);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    /** The public API as the demo workspace's client: JSON in and out, an Idempotency-Key on every POST. */
    private static final class Api {

        private final HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final String base;
        private final String token;

        Api(BenchPlatform platform) throws Exception {
            this.base = platform.url() + "/api/v1";
            this.token = platform.token();
        }

        JsonNode get(String path) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token)
                    .build();
            return JSON.readTree(
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        }

        JsonNode post(String path, Map<String, ?> body) throws Exception {
            return postAsync(path, body).get(1, TimeUnit.MINUTES);
        }

        CompletableFuture<JsonNode> postAsync(String path, Map<String, ?> body) {
            var request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException(
                            "POST " + path + ": " + response.statusCode() + " " + response.body());
                }
                return JSON.readTree(response.body());
            });
        }
    }
}
