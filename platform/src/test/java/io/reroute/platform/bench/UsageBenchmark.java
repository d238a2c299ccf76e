package io.reroute.platform.bench;

import io.reroute.platform.session.AccountingStream;
import io.reroute.platform.session.internal.AccountingConsumer;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.usage.UsageLedger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * bench/usage.sh: interim updates for many subscribers, each on a session of its own, appended to
 * the region's accounting stream the way gateways do (fifty to a {@code sessions} entry), then
 * applied by the platform's accounting consumer through the usage ledger: sessions, cycles, alerts,
 * caps (one subscriber in a hundred uses a lot) and quota events. Gateways append on their own
 * machines, so the appending is done before the clock starts and the figure is how fast the
 * platform works off the stream; the lag is then measured at steady state, from one more entry
 * appended to the moment the API's remaining bytes for its last subscriber is right. The peer,
 * measured on the same entries in the same run, is the floor: the same updates read back from the
 * stream and folded by one hand-written statement per 500 (session maxima and a per-subscriber
 * sum, nothing else). Target: at least 20,000 updates/s.
 */
public final class UsageBenchmark {

    private static final long ALLOWANCE = 10_000_000_000L;
    private static final long LIGHT_STEP = 50_000_000L;
    private static final long HEAVY_STEP = 1_200_000_000L;
    private static final int PER_ENTRY = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private UsageBenchmark() {}

    public static void main(String[] args) {
        int status = 0;
        try {
            run(
                    args.length > 0 ? Integer.parseInt(args[0]) : 100_000,
                    args.length > 1 ? Integer.parseInt(args[1]) : 10);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // The embedded servers and the test SMTP server keep non-daemon threads.
        System.exit(status);
    }

    private static void run(int subscribers, int passes) throws Exception {
        try (var platform = InProcessPlatform.start()) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String region = "usage-" + suffix;
            WorkspaceId workspace = platform.workspace("usage-" + suffix, "Usage bench", region);
            Connection owner = platform.owner;
            var context = platform.context;
            long setup = System.nanoTime();
            UUID nas = UUID.randomUUID();
            List<UUID> ids = seed(owner, workspace, region, nas, subscribers);
            System.out.printf(
                    "setup: %,d subscribers on a 10 GB plan (1 in 100 heavy), %d interim updates each, in %.1f s%n",
                    subscribers, passes, InProcessPlatform.seconds(setup));

            var redis = context.getBean(ReactiveStringRedisTemplate.class);
            var consumer = context.getBean(AccountingConsumer.class);
            var ledger = context.getBean(UsageLedger.class);
            var transactions = context.getBean(WorkspaceTransactions.class);
            String key = AccountingStream.key(region);
            int updates = subscribers * passes;

            Instant start = Instant.now().minusSeconds(3600);
            // Gateways build and append entries on their own machines: done before the clock
            // starts, all but the last entry, which measures the lag once the backlog is applied.
            var built =
                    entries(workspace, nas, ids, passes, start).collectList().block();
            var lastEntry = built.removeLast();
            long appendBegan = System.nanoTime();
            append(redis, key, Flux.fromIterable(built));
            double appendSeconds = InProcessPlatform.seconds(appendBegan);

            long began = System.nanoTime();
            int backlog = 0;
            for (int taken; (taken = consumer.consume(region, Duration.ofMillis(1))) > 0; ) {
                backlog += taken;
            }
            double ingestSeconds = InProcessPlatform.seconds(began);
            if (backlog != built.size()) {
                throw new IllegalStateException("applied " + backlog + " entries of " + built.size());
            }
            // The last entry holds fewer than fifty when the subscribers are not a multiple of fifty.
            int drained = updates - (int) lastEntry.get("updates").lines().count();

            // Steady state: one more entry, applied as the consumer's thread would, until the API
            // shows its last subscriber's remaining bytes right.
            long appended = System.nanoTime();
            append(redis, key, Flux.just(lastEntry));
            UUID last = ids.getLast();
            long expected = ALLOWANCE - Math.min(ALLOWANCE, step(ids.size() - 1) * passes);
            long remaining;
            do {
                consumer.consume(region, Duration.ofMillis(100));
                remaining = transactions
                        .inWorkspace(workspace, () -> ledger.usage(workspace, last))
                        .block()
                        .remainingBytes();
            } while (remaining != expected);
            double lagMillis = (System.nanoTime() - appended) / 1e6;
            check(owner, workspace, ids, passes);

            var peer = peer(owner, redis, key, updates);

            System.out.println();
            System.out.printf("%-44s %14s %14s%n", "", "reroute", "peer (floor)");
            System.out.printf(
                    "%-44s %12.1f s %12.1f s%n",
                    String.format("apply %,d updates from the stream", drained), ingestSeconds, peer.seconds());
            System.out.printf(
                    "%-44s %14s %14s%n",
                    "updates/s",
                    String.format("%,.0f", drained / ingestSeconds),
                    String.format("%,.0f", updates / peer.seconds()));
            System.out.printf("%-44s %12.0f ms %14s%n", "an update appended -> remaining bytes right", lagMillis, "-");
            System.out.printf(
                    "(gateways' side, before the clock: %,d entries of %d updates appended in %.1f s)%n",
                    built.size(), PER_ENTRY, appendSeconds);
            System.out.printf(
                    "%nreroute: %,d updates, %,d subscribers capped, %,d usage alerts queued, %,d quota events%n",
                    updates,
                    count(
                            owner,
                            workspace,
                            "SELECT count(*) FROM subscriber WHERE workspace_id = ? AND state = 'CAPPED'"),
                    count(
                            owner,
                            workspace,
                            "SELECT count(*) FROM notification WHERE workspace_id = ? AND kind = 'USAGE_ALERT'"),
                    count(
                            owner,
                            workspace,
                            "SELECT count(*) FROM outbox_event WHERE workspace_id = ? AND event_type = 'subscriber.quota'"));
            System.out.printf(
                    "%,d updates/s: %s (target at least 20,000)%n",
                    (long) (drained / ingestSeconds), drained / ingestSeconds >= 20_000 ? "PASS" : "FAIL");
            redis.delete(key).block();
            platform.deleteWorkspaces(workspace);
        }
    }

    /** Bytes per interim update of the subscriber at {@code index}: one in a hundred is heavy. */
    private static long step(int index) {
        return index % 100 == 0 ? HEAVY_STEP : LIGHT_STEP;
    }

    private static List<UUID> seed(Connection owner, WorkspaceId workspace, String region, UUID nas, int count)
            throws SQLException {
        UUID plan = UUID.randomUUID();
        try (var insertPlan = owner.prepareStatement(
                        "INSERT INTO plan (workspace_id, id, name, price, currency, billing_cycle, download_kbps,"
                                + " upload_kbps, data_allowance_bytes, created_at, updated_at)"
                                + " VALUES (?, ?, 'Capped 10', 30, 'EUR', 'MONTHLY', 100000, 20000, ?, now(), now())");
                var insertNas = owner.prepareStatement(
                        "INSERT INTO nas_client (workspace_id, id, name, address, region, secret_sealed, coa_port,"
                                + " vendor, require_message_authenticator, created_at, updated_at)"
                                + " VALUES (?, ?, 'BRAS', '192.0.2.1', ?, 'unused', 3799, 'MIKROTIK', true, now(), now())");
                var insertSubscribers = owner.prepareStatement(
                        "INSERT INTO subscriber (workspace_id, id, account_number, name, email, pppoe_username,"
                                + " plan_id, state, state_version, state_changed_at, created_at, updated_at)"
                                + " SELECT ?, gen_random_uuid(), 'U' || g, 'Usage ' || g, 'u' || g || '@bench.example',"
                                + " 'u' || g || '@isp', ?, 'ACTIVE', 0, now(), now(), now()"
                                + " FROM generate_series(1, ?) g");
                var select = owner.prepareStatement("SELECT id FROM subscriber WHERE workspace_id = ? ORDER BY id");
                var analyze = owner.createStatement()) {
            insertPlan.setObject(1, workspace.value());
            insertPlan.setObject(2, plan);
            insertPlan.setLong(3, ALLOWANCE);
            insertPlan.executeUpdate();
            insertNas.setObject(1, workspace.value());
            insertNas.setObject(2, nas);
            insertNas.setString(3, region);
            insertNas.executeUpdate();
            insertSubscribers.setObject(1, workspace.value());
            insertSubscribers.setObject(2, plan);
            insertSubscribers.setInt(3, count);
            insertSubscribers.executeUpdate();
            analyze.execute("ANALYZE subscriber");
            select.setObject(1, workspace.value());
            var ids = new ArrayList<UUID>(count);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    /** Pass by pass, every subscriber's session one interim further, fifty updates to an entry. */
    private static Flux<Map<String, String>> entries(
            WorkspaceId workspace, UUID nas, List<UUID> ids, int passes, Instant start) {
        return Flux.range(1, passes)
                .concatMap(pass -> Flux.range(0, ids.size()).buffer(PER_ENTRY).map(indexes -> {
                    var lines = new StringBuilder();
                    for (int i : indexes) {
                        long total = step(i) * pass;
                        var update = new LinkedHashMap<String, String>();
                        update.put("workspace", workspace.toString());
                        update.put("nas", nas.toString());
                        update.put("session", "s-" + i);
                        update.put("subscriber", ids.get(i).toString());
                        update.put("username", "u" + i + "@isp");
                        update.put("startedAt", Long.toString(start.toEpochMilli()));
                        update.put(
                                "at",
                                Long.toString(start.plusSeconds(300L * pass).toEpochMilli()));
                        update.put("input", Long.toString(total / 10));
                        update.put("output", Long.toString(total - total / 10));
                        update.put("seconds", Long.toString(300L * pass));
                        if (!lines.isEmpty()) {
                            lines.append('\n');
                        }
                        lines.append(JSON.writeValueAsString(update));
                    }
                    return Map.of("type", "sessions", "updates", lines.toString());
                }));
    }

    /** Appends the entries pipelined, in order. */
    private static void append(ReactiveStringRedisTemplate redis, String key, Flux<Map<String, String>> entries) {
        entries.concatMap(
                        fields -> redis.opsForStream()
                                .add(StreamRecords.string(fields).withStreamKey(key)),
                        64)
                .blockLast();
    }

    /** Every subscriber's usage in the database is what its updates add up to. */
    private static void check(Connection owner, WorkspaceId workspace, List<UUID> ids, int passes) throws SQLException {
        long expected = 0;
        for (int i = 0; i < ids.size(); i++) {
            expected += step(i) * passes;
        }
        long counted =
                count(owner, workspace, "SELECT coalesce(sum(used_bytes), 0) FROM usage_cycle WHERE workspace_id = ?");
        if (counted != expected) {
            throw new IllegalStateException("benchmark result is wrong: counted " + counted + ", expected " + expected);
        }
    }

    private static long count(Connection owner, WorkspaceId workspace, String sql) throws SQLException {
        try (var statement = owner.prepareStatement(sql)) {
            statement.setObject(1, workspace.value());
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private record PeerResult(double seconds) {}

    /**
     * The floor: the same entries read back from the stream, parsed, and folded 500 updates per
     * statement into session maxima and a per-subscriber sum, with nothing else.
     */
    private static PeerResult peer(Connection owner, ReactiveStringRedisTemplate redis, String key, int updates)
            throws SQLException {
        try (var ddl = owner.createStatement()) {
            ddl.execute("CREATE TEMP TABLE peer_session (session text PRIMARY KEY, subscriber uuid, total bigint)");
            ddl.execute("CREATE TEMP TABLE peer_usage (subscriber uuid PRIMARY KEY, used bigint)");
        }
        long began = System.nanoTime();
        try (var fold = owner.prepareStatement("""
                WITH incoming AS (
                  SELECT * FROM unnest(?::text[], ?::uuid[], ?::bigint[]) AS i(session, subscriber, total)
                ), prior AS (
                  SELECT i.*, coalesce(p.total, 0) AS prior_total FROM incoming i
                  LEFT JOIN peer_session p ON p.session = i.session
                ), upserted AS (
                  INSERT INTO peer_session SELECT session, subscriber, total FROM incoming
                  ON CONFLICT (session) DO UPDATE SET total = greatest(peer_session.total, EXCLUDED.total)
                )
                INSERT INTO peer_usage SELECT subscriber, sum(greatest(total - prior_total, 0)) FROM prior
                GROUP BY subscriber ON CONFLICT (subscriber) DO UPDATE SET used = peer_usage.used + EXCLUDED.used
                """)) {
            String from = "-";
            int folded = 0;
            var sessions = new ArrayList<String>();
            var subscribers = new ArrayList<UUID>();
            var totals = new ArrayList<Long>();
            while (folded < updates) {
                String after = from;
                var records = redis.opsForStream()
                        .range(
                                key,
                                after.equals("-")
                                        ? Range.unbounded()
                                        : Range.rightUnbounded(Range.Bound.inclusive(after)),
                                Limit.limit().count(501))
                        .filter(record -> !record.getId().getValue().equals(after))
                        .collectList()
                        .block();
                for (var record : records) {
                    from = record.getId().getValue();
                    for (String line :
                            record.getValue().get("updates").toString().split("\n")) {
                        Map<String, String> u = JSON.readValue(line, new TypeReference<Map<String, String>>() {});
                        sessions.add(u.get("session"));
                        subscribers.add(UUID.fromString(u.get("subscriber")));
                        totals.add(Long.parseLong(u.get("input")) + Long.parseLong(u.get("output")));
                        if (sessions.size() == 500) {
                            folded += flush(owner, fold, sessions, subscribers, totals);
                        }
                    }
                }
                folded += flush(owner, fold, sessions, subscribers, totals);
            }
        }
        return new PeerResult((System.nanoTime() - began) / 1e9);
    }

    private static int flush(
            Connection owner,
            java.sql.PreparedStatement fold,
            List<String> sessions,
            List<UUID> subscribers,
            List<Long> totals)
            throws SQLException {
        if (sessions.isEmpty()) {
            return 0;
        }
        fold.setArray(1, owner.createArrayOf("text", sessions.toArray()));
        fold.setArray(2, owner.createArrayOf("uuid", subscribers.toArray()));
        fold.setArray(3, owner.createArrayOf("bigint", totals.toArray()));
        fold.executeUpdate();
        int n = sessions.size();
        sessions.clear();
        subscribers.clear();
        totals.clear();
        return n;
    }
}
