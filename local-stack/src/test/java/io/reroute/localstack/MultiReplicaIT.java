package io.reroute.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.gateway.support.FakeUpstreamDns;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several replicas of everything, as in production: two platform processes on one PostgreSQL and
 * one Redis, two gateways in one region and one in another. A block reaches every gateway of the
 * subscriber's region and none of the other's; one platform killed in the middle of the schedulers'
 * work loses and doubles nothing.
 */
class MultiReplicaIT {

    private static final String LANDING = "192.0.2.77";
    private static final String NAME = "news.example.com";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** More than one scheduler batch (500), so both replicas take part of a run. */
    private static final int SUBSCRIBERS = 1_200;

    @RegisterExtension
    static final ReplicatedSystem system = new ReplicatedSystem();

    @Test
    void aPlatformKilledDuringTheOverdueRunLosesAndDoublesNothingAndOnlyItsRegionsGatewaysEnforce() throws Exception {
        // Signed up on one platform, run by both; the workspace is in the first region offered.
        var platform = new PlatformClient(system.platformUrl(0));
        var other = new PlatformClient(system.platformUrl(1));
        var workspace = platform.signUp("Replica ISP");
        platform.configurePortal(workspace, "pay-" + workspace.slug() + ".example", LANDING, 10);
        String plan = platform.plan(workspace, "Fibre");
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            String address = "127.2." + (i / 250) + "." + (i % 250 + 1);
            // Half through each platform: both serve the API.
            var client = i % 2 == 0 ? platform : other;
            String subscriber = client.subscriber(workspace, plan, "R-" + i, "Replica " + i, address)
                    .get("id")
                    .asString();
            // Overdue enough for a reminder, not yet for a block.
            client.overdueInvoice(workspace, subscriber, "RI-" + i, "20.00", 5);
            addresses.add(address);
        }
        // Every 40th subscriber, first and last included: spread over both replicas' batches.
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i += 40) {
            sample.add(addresses.get(i));
        }
        sample.add(addresses.getLast());
        for (var gateway : system.gateways(ReplicatedSystem.REGION_A)) {
            for (String address : sample) {
                new DigClient(gateway.dnsPort(), address).awaitAnswer(NAME, FakeUpstreamDns.ANSWER, PATIENCE);
            }
        }

        // Blocking after 4 days now applies to everyone: the next overdue runs of both replicas block
        // them, and one replica is killed while they are at it.
        other.configurePortal(workspace, "pay-" + workspace.slug() + ".example", LANDING, 4);
        awaitBlocked(workspace.slug(), count -> count > 0);
        system.platform(1).kill();
        int blockedAtKill = blocked(workspace.slug());
        System.out.printf(
                "MultiReplicaIT: platform-b killed with %d of %d subscribers blocked%n", blockedAtKill, SUBSCRIBERS);

        awaitBlocked(workspace.slug(), count -> count == SUBSCRIBERS);
        try (var db = system.database();
                var doubled = db.prepareStatement("""
                        SELECT count(*) FROM (
                          SELECT t.subscriber_id FROM subscriber_transition t JOIN workspace w ON w.id = t.workspace_id
                          WHERE w.slug = ? AND t.to_state = 'BLOCKED'
                          GROUP BY t.subscriber_id HAVING count(*) > 1) d""")) {
            doubled.setString(1, workspace.slug());
            try (var rows = doubled.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).as("subscribers blocked twice").isZero();
            }
        }
        awaitOutboxRelayed(workspace.slug());

        // Every gateway of the region enforces every block; the other region's knows none of them.
        for (var gateway : system.gateways(ReplicatedSystem.REGION_A)) {
            for (String address : sample) {
                new DigClient(gateway.dnsPort(), address).awaitAnswer(NAME, LANDING, PATIENCE);
            }
        }
        for (var gateway : system.gateways(ReplicatedSystem.REGION_B)) {
            for (String address : sample) {
                assertThat(new DigClient(gateway.dnsPort(), address).answer(NAME))
                        .as("region %s's gateway for %s", ReplicatedSystem.REGION_B, address)
                        .isEqualTo(FakeUpstreamDns.ANSWER);
            }
        }
    }

    private static void awaitBlocked(String slug, IntPredicate done) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.test(blocked(slug))) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("blocked subscribers: " + blocked(slug));
    }

    private static int blocked(String slug) throws SQLException {
        try (var db = system.database();
                var count = db.prepareStatement("SELECT count(*) FROM subscriber s JOIN workspace w ON w.id ="
                        + " s.workspace_id WHERE w.slug = ? AND s.state = 'BLOCKED'")) {
            count.setString(1, slug);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void awaitOutboxRelayed(String slug) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try (var db = system.database();
                    var pending = db.prepareStatement("SELECT count(*) FROM outbox_event o JOIN workspace w ON w.id ="
                            + " o.workspace_id WHERE w.slug = ? AND o.published_at IS NULL")) {
                pending.setString(1, slug);
                try (var rows = pending.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return;
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("outbox events still unpublished");
    }
}
