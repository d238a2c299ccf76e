package io.reroute.gateway.bench;

import io.reroute.devinfra.EmbeddedRedisServer;
import io.reroute.gateway.bench.RadiusLoad.Kind;
import io.reroute.gateway.bench.RadiusLoad.Result;
import io.reroute.gateway.support.FakePlatform;
import io.reroute.gateway.support.Snapshots;
import io.reroute.seal.RegionSeal;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The gateway's RADIUS server against FreeRADIUS in the same run: both given the same 100,000
 * PPPoE subscribers (FreeRADIUS in its files module, answering with the same attributes), both
 * driven by {@link RadiusLoad} with the same requests. Alternating rounds, medians compared, as the
 * machine's speed drifts; then latencies at a fixed rate. Run through {@code bench/radius.sh}.
 */
public final class RadiusBenchmark {

    private static final String GATEWAY_SECRET = "bench-gateway-secret";
    private static final String NAS_SECRET = "bench-nas-secret-0123456789";
    private static final int ROUNDS = 3;

    private RadiusBenchmark() {}

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int pacedRate = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Path dir = Files.createTempDirectory("radius-bench");
        var population = new BenchPopulation(UUID.randomUUID(), subscribers);
        Path snapshot = dir.resolve("snapshot.ndjson");
        writeSnapshot(snapshot, population, RegionSeal.of(BenchGateway.REGION, GATEWAY_SECRET));
        var users = IntStream.range(0, subscribers)
                .mapToObj(i -> new FreeRadiusPeer.User(
                        population.username(i),
                        population.password(i),
                        population.restricted(i),
                        population.staticIpv4(i),
                        population.planRateLimit(i),
                        population.classValue(i)))
                .toList();

        try (var redis = EmbeddedRedisServer.start(dir.resolve("redis"), 0);
                var platform = new FakePlatform(BenchGateway.REGION, GATEWAY_SECRET);
                var freeradius = FreeRadiusPeer.start(
                        dir.resolve("freeradius"),
                        NAS_SECRET,
                        users,
                        BenchPopulation.RESTRICTED_ADDRESS_LIST,
                        BenchPopulation.RESTRICTED_RATE_LIMIT)) {
            platform.serve(snapshot);
            int authPort = BenchGateway.freeUdpPort();
            int accountingPort = BenchGateway.freeUdpPort();
            var gateway =
                    BenchGateway.radius(dir, platform.url(), GATEWAY_SECRET, redis.url(), authPort, accountingPort);
            try {
                var ourServer = List.of(gateway.process().toHandle());
                var ourAccounting = List.of(gateway.process().toHandle(), redisProcess());
                var theirServer = List.of(freeradius.process());
                var load = new RadiusLoad(population, NAS_SECRET, 2, 2, 64);
                var duration = Duration.ofSeconds(seconds);
                System.out.printf(
                        Locale.ROOT,
                        "%n%,d PPPoE subscribers (1 in 10 restricted, half with a static IPv4 address); load: 2"
                                + " threads x 2 sockets x 64 = %d requests in flight, %d s per run, every response"
                                + " verified; Access-Requests half PAP, half CHAP, 1 in 50 with a wrong password,"
                                + " all with Message-Authenticator; Accounting: sessions of Start, 8 Interim-Updates"
                                + " and Stop%n",
                        subscribers,
                        load.requestsInFlight(),
                        seconds);
                System.out.printf(
                        Locale.ROOT,
                        "gateway: %s (state loaded in %.1f s), accounting queued to Redis; %s, files"
                                + " module, accounting to its detail file%n",
                        "jar with -Xmx512m -XX:+UseZGC",
                        gateway.readyAfter().toMillis() / 1000.0,
                        freeradius.version());

                for (Kind kind : Kind.values()) {
                    int ourPort = kind == Kind.ACCESS ? authPort : accountingPort;
                    int theirPort = kind == Kind.ACCESS ? freeradius.authPort() : freeradius.accountingPort();
                    var ours = kind == Kind.ACCESS ? ourServer : ourAccounting;
                    // Warm-up: the gateway's JIT, both servers' caches.
                    load.run(kind, ourPort, Duration.ofSeconds(10), 0, ours);
                    load.run(kind, theirPort, Duration.ofSeconds(5), 0, theirServer);
                    var ourRounds = new ArrayList<Result>();
                    var theirRounds = new ArrayList<Result>();
                    for (int round = 0; round < ROUNDS; round++) {
                        ourRounds.add(load.run(kind, ourPort, duration, 0, ours));
                        theirRounds.add(load.run(kind, theirPort, duration, 0, theirServer));
                    }
                    report(kind, ourRounds, theirRounds, load.requestsInFlight());
                    var ourPaced = load.run(kind, ourPort, duration, pacedRate, ours);
                    var theirPaced = load.run(kind, theirPort, duration, pacedRate, theirServer);
                    reportPaced(pacedRate, ourPaced, theirPaced);
                }
                System.out.printf(
                        Locale.ROOT,
                        "%nGateway: accounting updates appended to the region's stream %,.0f, dropped %,.0f;"
                                + " RADIUS packets dropped %,.0f%n",
                        gateway.metric("reroute_gateway_accounting_forwarded_total"),
                        gateway.metric("reroute_gateway_accounting_dropped_total"),
                        gateway.metric("reroute_gateway_radius_dropped_total"));
            } finally {
                gateway.stop();
            }
        }
        System.exit(0);
    }

    private static void report(Kind kind, List<Result> ours, List<Result> theirs, int window) {
        String what = kind == Kind.ACCESS ? "Access-Requests" : "Accounting-Requests";
        System.out.printf(
                Locale.ROOT,
                "%n%-44s %14s %14s %8s%n",
                what + ", as fast as answered",
                "gateway",
                "FreeRADIUS",
                "ratio");
        for (int round = 0; round < ours.size(); round++) {
            row(
                    "round " + (round + 1) + " (requests/s)",
                    ours.get(round).perSecond(),
                    theirs.get(round).perSecond(),
                    "%,14.0f");
        }
        var our = median(ours);
        var their = median(theirs);
        row("median (requests/s)", our.perSecond(), their.perSecond(), "%,14.0f");
        row("  its p50 latency (ms)", our.millis(50), their.millis(50), "%14.3f");
        row("  its p99 latency (ms)", our.millis(99), their.millis(99), "%14.3f");
        row("  its p99.9 latency (ms)", our.millis(99.9), their.millis(99.9), "%14.3f");
        row(
                kind == Kind.ACCESS ? "  server CPU per request (us)" : "  server CPU per request (us, gw + Redis)",
                our.serverMicrosPerRequest(),
                their.serverMicrosPerRequest(),
                "%14.2f");
        row("  server cores busy", our.serverCores(), their.serverCores(), "%14.2f");
        row("  client CPU per request (us)", our.clientMicrosPerRequest(), their.clientMicrosPerRequest(), "%14.2f");
        row("  client cores busy", our.clientCores(), their.clientCores(), "%14.2f");
        row("  requests in flight (mean, of " + window + ")", our.meanInFlight(), their.meanInFlight(), "%14.1f");
        counts("  answered", our, their, Result::answered);
        counts("  lost (no answer in 2 s)", our, their, Result::lost);
        counts("  failed a check", our, their, Result::wrong);
        counts("  with a valid Message-Authenticator", our, their, Result::withMessageAuthenticator);
        System.out.printf(
                Locale.ROOT,
                "Target: %s/s >= FreeRADIUS's (ratio >= 1.0): %s%n",
                what,
                our.perSecond() >= their.perSecond() ? "met" : "NOT met");
    }

    private static void reportPaced(int rate, Result ours, Result theirs) {
        String label = String.format(Locale.ROOT, "  at %,d requests/s:", rate);
        System.out.println(label);
        row("    answered (requests/s)", ours.perSecond(), theirs.perSecond(), "%,14.0f");
        row("    p50 latency (ms)", ours.millis(50), theirs.millis(50), "%14.3f");
        row("    p99 latency (ms)", ours.millis(99), theirs.millis(99), "%14.3f");
        row("    p99.9 latency (ms)", ours.millis(99.9), theirs.millis(99.9), "%14.3f");
        row(
                "    server CPU per request (us)",
                ours.serverMicrosPerRequest(),
                theirs.serverMicrosPerRequest(),
                "%14.2f");
        counts("    lost or failed a check", ours, theirs, r -> r.lost() + r.wrong());
    }

    private static Result median(List<Result> rounds) {
        var sorted = rounds.stream()
                .sorted(Comparator.comparingDouble(Result::perSecond))
                .toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void row(String label, double ours, double theirs, String format) {
        System.out.printf(
                Locale.ROOT,
                "%-44s " + format + " " + format + " %8.2f%n",
                label,
                ours,
                theirs,
                theirs == 0 ? 0 : ours / theirs);
    }

    private static void counts(String label, Result ours, Result theirs, Function<Result, Long> count) {
        System.out.printf(Locale.ROOT, "%-44s %,14d %,14d%n", label, count.apply(ours), count.apply(theirs));
    }

    /** The embedded Redis this JVM started: its CPU is part of what the gateway's accounting costs. */
    private static ProcessHandle redisProcess() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().orElse("").contains("redis"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the embedded Redis process is not a child of this JVM"));
    }

    /** The region snapshot: one workspace with a MikroTik NAS at 127.0.0.1, then the subscribers. */
    private static void writeSnapshot(Path file, BenchPopulation population, RegionSeal seal) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("{\"type\":\"snapshot\",\"region\":\"" + BenchGateway.REGION + "\",\"position\":\"0-0\"}\n");
            out.write(Snapshots.radiusWorkspace(
                    population.workspace(),
                    seal,
                    BenchPopulation.RESTRICTED_ADDRESS_LIST,
                    BenchPopulation.RESTRICTED_RATE_LIMIT,
                    null,
                    Snapshots.Nas.mikrotik("127.0.0.1", NAS_SECRET)));
            out.write('\n');
            for (int i = 0; i < population.size(); i++) {
                out.write(Snapshots.pppoeSubscriberLine(
                        seal,
                        population.workspace(),
                        population.subscriberId(i),
                        population.username(i),
                        population.password(i),
                        population.restricted(i) ? "BLOCKED" : "ACTIVE",
                        population.staticIpv4(i),
                        population.planRateLimit(i)));
                out.write('\n');
            }
            out.write("{\"type\":\"end\",\"subscribers\":" + population.size() + "}\n");
        }
    }
}
