package io.reroute.platform.bench;

import io.reroute.platform.enforcement.RegionStream;
import io.reroute.platform.enforcement.internal.OutboxRelay;
import io.reroute.platform.enforcement.internal.OverdueEvaluation;
import io.reroute.platform.tenancy.WorkspaceId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;

/**
 * bench/enforcement-run.sh: one scheduler run that blocks N overdue subscribers of one workspace,
 * then the relay draining their events to the region stream, against the real platform code on
 * PostgreSQL and Redis. The peer, measured in the same run on a second identical workspace, is the
 * floor: the same rows written by one hand-written SQL statement, and the same payloads appended
 * by a plain pipelined XADD with no database in between.
 */
public final class EnforcementBenchmark {

    private EnforcementBenchmark() {}

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 100_000);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // The embedded servers and the test SMTP server keep non-daemon threads.
        System.exit(status);
    }

    private static void run(int subscribers) throws Exception {
        try (var platform = InProcessPlatform.start()) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String region = "bench-" + suffix;
            WorkspaceId ours = platform.workspace("bench-" + suffix, "Bench", region);
            WorkspaceId peer = platform.workspace("peer-" + suffix, "Peer", region + "-peer");
            Connection owner = platform.owner;
            var context = platform.context;
            long setup = System.nanoTime();
            seed(owner, ours, subscribers);
            seed(owner, peer, subscribers);
            System.out.printf(
                    "setup: %,d subscribers with an invoice 30 days overdue, twice, in %.1f s%n",
                    subscribers, InProcessPlatform.seconds(setup));

            var evaluation = context.getBean(OverdueEvaluation.class);
            var relay = context.getBean(OutboxRelay.class);
            var redis = context.getBean(ReactiveStringRedisTemplate.class);

            long start = System.nanoTime();
            long blocked = evaluation.evaluate(ours).block();
            double schedulerSeconds = InProcessPlatform.seconds(start);
            long relayStart = System.nanoTime();
            long relayed = relay.relay(ours).block();
            double relaySeconds = InProcessPlatform.seconds(relayStart);
            long streamLength =
                    redis.opsForStream().size(RegionStream.key(region)).block();

            long peerStart = System.nanoTime();
            long peerBlocked = peerStatement(owner, peer);
            double peerSqlSeconds = InProcessPlatform.seconds(peerStart);
            List<String> payloads = payloads(owner, peer);
            long xaddStart = System.nanoTime();
            String peerStream = RegionStream.key(region + "-peer");
            long appended = Flux.fromIterable(payloads)
                    .flatMapSequential(
                            p -> redis.opsForStream()
                                    .add(StreamRecords.string(Map.of("event", p))
                                            .withStreamKey(peerStream)),
                            256)
                    .count()
                    .block();
            double peerXaddSeconds = InProcessPlatform.seconds(xaddStart);

            check(blocked == subscribers, "scheduler blocked " + blocked);
            check(
                    relayed == subscribers && streamLength == subscribers,
                    "relayed " + relayed + ", stream holds " + streamLength);
            check(peerBlocked == subscribers && appended == subscribers, "peer wrote " + peerBlocked);

            double total = schedulerSeconds + relaySeconds;
            double peerTotal = peerSqlSeconds + peerXaddSeconds;
            System.out.println();
            System.out.printf("%-34s %12s %14s   %-12s %12s%n", "step", "reroute", "subs/s", "peer (floor)", "subs/s");
            row("scheduler run to BLOCKED", schedulerSeconds, subscribers, peerSqlSeconds, "one SQL stmt");
            row("relay drain to the region stream", relaySeconds, subscribers, peerXaddSeconds, "plain XADD");
            row("total", total, subscribers, peerTotal, "");
            System.out.printf(
                    "%nwhole run %.1f s for %,d subscribers: %s (target under 60 s)%n",
                    total, subscribers, total < 60 ? "PASS" : "FAIL");
            redis.delete(RegionStream.key(region), peerStream).block();
            platform.deleteWorkspaces(ours, peer);
        }
    }

    private static void seed(Connection owner, WorkspaceId workspace, int count) throws SQLException {
        UUID plan = UUID.randomUUID();
        try (var insertPlan = owner.prepareStatement(
                        "INSERT INTO plan (workspace_id, id, name, price, currency, billing_cycle, download_kbps,"
                                + " upload_kbps, created_at, updated_at)"
                                + " VALUES (?, ?, 'Bench 100', 30, 'EUR', 'MONTHLY', 100000, 20000, now(), now())");
                var insertSubscribers = owner.prepareStatement(
                        "INSERT INTO subscriber (workspace_id, id, account_number, name, email, pppoe_username,"
                                + " static_ipv4, plan_id, state, state_version, state_changed_at, created_at, updated_at)"
                                + " SELECT ?, gen_random_uuid(), 'B' || g, 'Bench ' || g, 'b' || g || '@bench.example',"
                                + " 'b' || g || '@isp', '10.0.0.0'::inet + g, ?, 'ACTIVE', 0, now(), now(), now()"
                                + " FROM generate_series(1, ?) g");
                var insertInvoices = owner.prepareStatement(
                        "INSERT INTO invoice (workspace_id, id, subscriber_id, number, amount, currency, due_date,"
                                + " status, issued_at)"
                                + " SELECT workspace_id, gen_random_uuid(), id, 'BI-' || account_number, 30, 'EUR',"
                                + " current_date - 30, 'OPEN', now() FROM subscriber WHERE workspace_id = ?");
                var analyze = owner.createStatement()) {
            insertPlan.setObject(1, workspace.value());
            insertPlan.setObject(2, plan);
            insertPlan.executeUpdate();
            insertSubscribers.setObject(1, workspace.value());
            insertSubscribers.setObject(2, plan);
            insertSubscribers.setInt(3, count);
            insertSubscribers.executeUpdate();
            insertInvoices.setObject(1, workspace.value());
            insertInvoices.executeUpdate();
            analyze.execute("ANALYZE subscriber, invoice");
        }
    }

    /** The same rows the scheduler writes (state, history, outbox), by one statement with no decisions. */
    private static long peerStatement(Connection owner, WorkspaceId workspace) throws SQLException {
        try (var statement = owner.prepareStatement(
                "WITH moved AS (UPDATE subscriber SET state = 'BLOCKED', state_version = state_version + 1,"
                        + " state_changed_at = now(), updated_at = now() WHERE workspace_id = ? AND state = 'ACTIVE'"
                        + " RETURNING workspace_id, id, account_number, state_version, host(static_ipv4) AS ipv4),"
                        + " history AS (INSERT INTO subscriber_transition (workspace_id, subscriber_id, version,"
                        + " from_state, to_state, reason, actor, occurred_at) SELECT workspace_id, id, state_version,"
                        + " 'ACTIVE', 'BLOCKED', 'overdue', 'peer', now() FROM moved)"
                        + " INSERT INTO outbox_event (workspace_id, region, subscriber_id, version, event_type, payload,"
                        + " created_at) SELECT workspace_id, 'peer', id, state_version, 'subscriber.state-changed',"
                        + " jsonb_build_object('subscriberId', id, 'accountNumber', account_number, 'version',"
                        + " state_version, 'state', 'BLOCKED', 'staticIpv4', ipv4, 'reason', 'overdue 30.00 for 30 days'),"
                        + " now() FROM moved")) {
            statement.setObject(1, workspace.value());
            return statement.executeUpdate();
        }
    }

    private static List<String> payloads(Connection owner, WorkspaceId workspace) throws SQLException {
        var payloads = new ArrayList<String>();
        try (var statement =
                owner.prepareStatement("SELECT payload::text FROM outbox_event WHERE workspace_id = ? ORDER BY id")) {
            statement.setObject(1, workspace.value());
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    payloads.add(rows.getString(1));
                }
            }
        }
        return payloads;
    }

    private static void row(String step, double seconds, int count, double peerSeconds, String peerName) {
        System.out.printf(
                "%-34s %10.2f s %14s   %-12s %10.2f s %12s%n",
                step,
                seconds,
                String.format("%,.0f", count / seconds),
                peerName,
                peerSeconds,
                String.format("%,.0f", count / peerSeconds));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark result is wrong: " + what);
        }
    }
}
