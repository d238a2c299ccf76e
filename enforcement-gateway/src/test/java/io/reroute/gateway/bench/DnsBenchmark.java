package io.reroute.gateway.bench;

import io.reroute.devinfra.EmbeddedRedisServer;
import io.reroute.gateway.support.FakePlatform;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The DNS redirector against unbound in the same run, driven by dnsperf with the same query file
 * from a blocked subscriber's address. Unbound gets the equivalent rules: a view answering every
 * name with the landing addresses, bound to each blocked subscriber's address. Then the gateway's
 * heap with a million subscribers. Run through {@code bench/dns.sh}.
 */
public final class DnsBenchmark {

    private static final String REGION = BenchGateway.REGION;
    private static final String SECRET = "bench-secret";
    private static final String BLOCKED_SOURCE = "127.0.0.2";
    private static final int ROUNDS = 3;
    private static final String LANDING_V4 = "203.0.113.10";
    private static final String LANDING_V6 = "2001:db8::10";
    private static final Pattern QPS = Pattern.compile("Queries per second:\\s+([0-9.]+)");
    private static final Pattern AVERAGE = Pattern.compile("Average Latency \\(s\\):\\s+([0-9.]+)");
    private static final Pattern COMPLETED = Pattern.compile("Queries completed:\\s+(\\d+)");
    private static final Pattern LOST = Pattern.compile("Queries lost:\\s+(\\d+)");
    private static final Pattern VERBOSE_LATENCY = Pattern.compile("^> \\S+ .* ([0-9.]+)$");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private DnsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int heapSubscribers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dir = Files.createTempDirectory("dns-bench");
        UUID workspace = UUID.randomUUID();

        Path snapshot = dir.resolve("snapshot.ndjson");
        writeSnapshot(snapshot, workspace, subscribers);
        Path queries = dir.resolve("queries.txt");
        writeQueries(queries, 10_000);
        int unboundPort = BenchGateway.freePort();
        int dnsPort = BenchGateway.freePort();
        Path unboundConf = dir.resolve("unbound.conf");
        writeUnboundConf(unboundConf, dir, unboundPort, subscribers);

        try (var redis = EmbeddedRedisServer.start(dir.resolve("redis"), 0);
                var platform = new FakePlatform(REGION, SECRET)) {
            platform.serve(snapshot);
            var unbound = new ProcessBuilder("unbound", "-d", "-c", unboundConf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("unbound.log").toFile())
                    .start();
            BenchGateway gateway = null;
            try {
                gateway = startGateway(dir, platform, redis, unboundPort, dnsPort, "gateway-100k");
                awaitAnswer(unboundPort);

                System.out.printf(
                        Locale.ROOT,
                        "%n%,d subscribers (half blocked); dnsperf from blocked subscriber %s, %d s per run, same"
                                + " query file (10,000 names, A and AAAA)%n",
                        subscribers,
                        BLOCKED_SOURCE,
                        seconds);
                dnsperf(gateway.process().toHandle(), dnsPort, queries, 20); // warm-up: JIT and caches
                dnsperf(unbound.toHandle(), unboundPort, queries, 5);
                // Alternating rounds, medians compared: this machine's speed drifts from minute to minute.
                var ourRounds = new ArrayList<Run>();
                var theirRounds = new ArrayList<Run>();
                for (int round = 0; round < ROUNDS; round++) {
                    ourRounds.add(dnsperf(gateway.process().toHandle(), dnsPort, queries, seconds));
                    theirRounds.add(dnsperf(unbound.toHandle(), unboundPort, queries, seconds));
                }
                var ours = Run.median(ourRounds);
                var theirs = Run.median(theirRounds);
                System.out.printf(Locale.ROOT, "%n%-34s %14s %14s %8s%n", "", "gateway", "unbound", "ratio");
                for (int round = 0; round < ROUNDS; round++) {
                    row(
                            "round " + (round + 1) + " throughput (queries/s)",
                            ourRounds.get(round).qps(),
                            theirRounds.get(round).qps(),
                            "%,14.0f");
                }
                row("median throughput (queries/s)", ours.qps(), theirs.qps(), "%,14.0f");
                row("its average latency (ms)", ours.averageMillis(), theirs.averageMillis(), "%14.3f");
                row("its server CPU per query (µs)", ours.cpuMicrosPerQuery(), theirs.cpuMicrosPerQuery(), "%14.2f");
                System.out.printf(Locale.ROOT, "%-34s %,14d %,14d%n", "queries lost", ours.lost(), theirs.lost());

                var ourPacedRounds = new ArrayList<Latencies>();
                var theirPacedRounds = new ArrayList<Latencies>();
                for (int round = 0; round < ROUNDS; round++) {
                    ourPacedRounds.add(latencies(dnsPort, queries, 10, 20_000));
                    theirPacedRounds.add(latencies(unboundPort, queries, 10, 20_000));
                }
                var oursPaced = Latencies.median(ourPacedRounds);
                var theirsPaced = Latencies.median(theirPacedRounds);
                for (int round = 0; round < ROUNDS; round++) {
                    row(
                            "round " + (round + 1) + " p99 at 20,000 q/s (ms)",
                            ourPacedRounds.get(round).p(99),
                            theirPacedRounds.get(round).p(99),
                            "%14.3f");
                }
                row("median run: p50 at 20,000 q/s (ms)", oursPaced.p(50), theirsPaced.p(50), "%14.3f");
                row("median run: p99 at 20,000 q/s (ms)", oursPaced.p(99), theirsPaced.p(99), "%14.3f");
                System.out.printf(
                        Locale.ROOT,
                        "%-34s %,14d %,14d%n",
                        "answered in the median paced run",
                        oursPaced.count(),
                        theirsPaced.count());
                System.out.printf(
                        Locale.ROOT,
                        "%nTargets: throughput ratio >= 0.8 (%s), p99 < 2 ms at 20,000 queries/s (%s)%n",
                        ours.qps() >= 0.8 * theirs.qps() ? "met" : "NOT met",
                        oursPaced.p(99) < 2.0 ? "met" : "NOT met");
            } finally {
                if (gateway != null) {
                    gateway.stop();
                }
                unbound.destroy();
            }

            // The heap with a million subscribers, after a full GC, under the same -Xmx512m.
            writeSnapshot(snapshot, workspace, heapSubscribers);
            var big = startGateway(dir, platform, redis, unboundPort, dnsPort, "gateway-1m");
            try {
                run(List.of("jcmd", Long.toString(big.pid()), "GC.run"));
                String info = run(List.of("jcmd", Long.toString(big.pid()), "GC.heap_info"));
                var used = HEAP_USED.matcher(info);
                long usedMb = used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
                System.out.printf(
                        Locale.ROOT,
                        "%nGateway heap with %,d subscribers after full GC: %,d MB (-Xmx512m; target < 512 MB: %s);"
                                + " state loaded in %.1f s%n",
                        heapSubscribers,
                        usedMb,
                        usedMb >= 0 && usedMb < 512 ? "met" : "NOT met",
                        big.readyAfter().toMillis() / 1000.0);
            } finally {
                big.stop();
            }
        }
    }

    private static void row(String label, double ours, double theirs, String format) {
        System.out.printf(
                Locale.ROOT,
                "%-34s " + format + " " + format + " %8.2f%n",
                label,
                ours,
                theirs,
                theirs == 0 ? 0 : ours / theirs);
    }

    /** One dnsperf run; the server's CPU time (user and system) over the queries it answered. */
    record Run(double qps, double averageMillis, long lost, double cpuMicrosPerQuery) {
        /** The median run by throughput. */
        static Run median(List<Run> runs) {
            var sorted =
                    runs.stream().sorted(Comparator.comparingDouble(Run::qps)).toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    record Latencies(double[] sortedMillis) {
        /** The median run by p99. */
        static Latencies median(List<Latencies> runs) {
            var sorted = runs.stream()
                    .sorted(Comparator.comparingDouble(run -> run.p(99)))
                    .toList();
            return sorted.get(sorted.size() / 2);
        }

        double p(int percentile) {
            if (sortedMillis.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * sortedMillis.length) - 1;
            return sortedMillis[Math.max(0, index)];
        }

        int count() {
            return sortedMillis.length;
        }
    }

    private static Run dnsperf(ProcessHandle server, int port, Path queries, int seconds) throws Exception {
        Duration cpuBefore = cpu(server);
        String output = run(dnsperfCommand(port, queries, seconds));
        double cpuMicros = cpu(server).minus(cpuBefore).toNanos() / 1000.0;
        return new Run(
                number(QPS, output),
                number(AVERAGE, output) * 1000,
                (long) number(LOST, output),
                cpuMicros / number(COMPLETED, output));
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElseThrow();
    }

    /** Every answer's latency at a fixed query rate ({@code -v} prints one line per query). */
    private static Latencies latencies(int port, Path queries, int seconds, int qps) throws Exception {
        var command = dnsperfCommand(port, queries, seconds);
        command.addAll(List.of("-Q", Integer.toString(qps), "-v"));
        var values = run(command)
                .lines()
                .map(VERBOSE_LATENCY::matcher)
                .filter(java.util.regex.Matcher::matches)
                .mapToDouble(m -> Double.parseDouble(m.group(1)) * 1000)
                .sorted()
                .toArray();
        return new Latencies(values);
    }

    /** The same load shape for both servers: 8 clients on 2 threads, 500 outstanding, from the blocked source. */
    private static List<String> dnsperfCommand(int port, Path queries, int seconds) {
        return new ArrayList<>(List.of(
                "dnsperf",
                "-s",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-a",
                BLOCKED_SOURCE,
                "-d",
                queries.toString(),
                "-l",
                Integer.toString(seconds),
                "-c",
                "8",
                "-T",
                "2",
                "-q",
                "500",
                "-t",
                "2"));
    }

    private static double number(Pattern pattern, String output) {
        var matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected dnsperf output:\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    /** Subscriber i of n: 10.x.y.z from i; even ones blocked; plus the blocked dnsperf source. */
    private static void writeSnapshot(Path file, UUID workspace, int subscribers) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("{\"type\":\"snapshot\",\"region\":\"" + REGION + "\",\"position\":\"0-0\"}\n");
            out.write("{\"type\":\"workspace\",\"workspace\":{\"workspaceId\":\"" + workspace
                    + "\",\"reminderHost\":\"pay.isp.example\",\"landingIpv4\":\"" + LANDING_V4
                    + "\",\"landingIpv6\":\"" + LANDING_V6 + "\",\"allowlist\":[\"*.stripe.com\",\"paypal.com\"]}}\n");
            for (int i = 0; i < subscribers; i++) {
                String address = i == 0 ? BLOCKED_SOURCE : subscriberAddress(i);
                String state = i % 2 == 0 ? "BLOCKED" : "ACTIVE";
                out.write("{\"type\":\"subscriber\",\"subscriber\":{\"workspaceId\":\"" + workspace
                        + "\",\"subscriberId\":\"" + new UUID(0, i + 1L) + "\",\"accountNumber\":\"ACC-" + i
                        + "\",\"version\":1,\"state\":\"" + state + "\",\"staticIpv4\":\"" + address + "\"}}\n");
            }
            out.write("{\"type\":\"end\",\"subscribers\":" + subscribers + "}\n");
        }
    }

    private static String subscriberAddress(int i) {
        return "10." + ((i >>> 16) & 0xff) + "." + ((i >>> 8) & 0xff) + "." + (i & 0xff);
    }

    private static void writeQueries(Path file, int names) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < names; i++) {
                out.write("host" + i + ".example" + (i % 50) + ".com " + (i % 5 == 0 ? "AAAA" : "A") + "\n");
            }
        }
    }

    private static void writeUnboundConf(Path file, Path dir, int port, int subscribers) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("server:\n");
            out.write("  interface: 127.0.0.1\n  port: " + port + "\n");
            out.write("  do-daemonize: no\n  username: \"\"\n  chroot: \"\"\n  directory: \"" + dir + "\"\n");
            out.write("  pidfile: \"" + dir.resolve("unbound.pid") + "\"\n  logfile: \"\"\n  verbosity: 0\n");
            out.write("  num-threads: 2\n  so-reuseport: yes\n  module-config: \"iterator\"\n");
            out.write("  access-control: 127.0.0.0/8 allow\n  access-control: 10.0.0.0/8 allow\n");
            out.write("  access-control-view: " + BLOCKED_SOURCE + "/32 blocked\n");
            for (int i = 2; i < subscribers; i += 2) {
                out.write("  access-control-view: " + subscriberAddress(i) + "/32 blocked\n");
            }
            out.write("remote-control:\n  control-enable: no\n");
            out.write("view:\n  name: \"blocked\"\n  view-first: no\n");
            out.write("  local-zone: \"stripe.com.\" transparent\n  local-zone: \"paypal.com.\" transparent\n");
            out.write("  local-zone: \".\" redirect\n");
            out.write("  local-data: \". 30 IN A " + LANDING_V4 + "\"\n");
            out.write("  local-data: \". 30 IN AAAA " + LANDING_V6 + "\"\n");
        }
    }

    private static void awaitAnswer(int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            String out = run(List.of(
                    "dig",
                    "@127.0.0.1",
                    "-p",
                    Integer.toString(port),
                    "-b",
                    BLOCKED_SOURCE,
                    "probe.example",
                    "A",
                    "+short",
                    "+time=1",
                    "+tries=1"));
            if (out.contains(LANDING_V4)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("unbound does not answer on port " + port);
    }

    private static BenchGateway startGateway(
            Path dir, FakePlatform platform, EmbeddedRedisServer redis, int upstreamPort, int dnsPort, String name)
            throws Exception {
        return BenchGateway.start(
                dir,
                name,
                platform.url(),
                SECRET,
                redis.url(),
                Map.of(
                        "dns.enabled", "true",
                        "dns.bind", "127.0.0.1",
                        "dns.port", Integer.toString(dnsPort),
                        "dns.upstream", "127.0.0.1:" + upstreamPort,
                        "dns.subscriber-networks", "127.0.0.0/8,10.0.0.0/8"));
    }
}
