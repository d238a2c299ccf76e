package io.reroute.platform.enforcement.internal;

import static io.reroute.platform.support.BillingFixtures.invoice;
import static io.reroute.platform.support.BillingFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reroute.platform.enforcement.RegionStream;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.MutableClock;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.RegionStreams;
import io.reroute.platform.support.TestWorkspace;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.workspace.Workspaces;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The relay's delivery guarantees against a real PostgreSQL and Redis: order per subscriber, a
 * region's events only on its own stream, one relay per workspace at a time, and a crash at either
 * side of the stream append that a version-checking consumer never notices.
 */
@PlatformIntegrationTest
class OutboxRelayIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    @Autowired
    MutableClock clock;

    @Autowired
    OverdueEvaluation evaluation;

    @Autowired
    OutboxRelay relay;

    @Autowired
    RegionStreamPublisher streams;

    @Autowired
    WorkspaceTransactions transactions;

    @Autowired
    DatabaseClient db;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    OutboxProperties properties;

    @Autowired
    Workspaces workspaceDirectory;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eventsReachOnlyTheirRegionsStreamInVersionOrderAndAreMarkedPublished() {
        String east = region();
        String west = region();
        TestWorkspace a = workspaces.create(east);
        TestWorkspace b = workspaces.create(west);
        String subscriber = overdueSubscriber(a, east, "R-1");
        overdueSubscriber(b, west, "R-2");

        clock.shift(Duration.ofDays(4));
        evaluation.evaluate(a.id()).block();
        evaluation.evaluate(b.id()).block();
        clock.shift(Duration.ofDays(11));
        evaluation.evaluate(a.id()).block();

        assertThat(relay.relay(a.id()).block()).isEqualTo(2);
        assertThat(relay.relay(b.id()).block()).isEqualTo(1);

        var eastEntries = RegionStreams.entries(redis, east);
        assertThat(eastEntries).extracting(RegionStreams.Entry::version).containsExactly(1L, 2L);
        assertThat(eastEntries).allSatisfy(e -> assertThat(e.subscriber()).isEqualTo(subscriber));
        assertThat(RegionStreams.entries(redis, west)).singleElement().satisfies(e -> assertThat(e.fields())
                .containsEntry("workspace", b.id().toString()));
        assertThat(unpublished(a.id())).isZero();
        assertThat(relay.relay(a.id()).block()).as("nothing is published twice").isZero();
        assertThat(streams.lastId(east).block()).isEqualTo(eastEntries.getLast().id());
    }

    @Test
    void crashAfterTheStreamAppendBeforeTheCommitIsInvisibleToAVersionCheckingConsumer() {
        String region = region();
        TestWorkspace w = workspaces.create(region);
        String subscriber = overdueSubscriber(w, region, "C-1");
        clock.shift(Duration.ofDays(4));
        evaluation.evaluate(w.id()).block();

        // The relay process dies right after Redis took the batch, before PostgreSQL committed "published".
        var crashing = new OutboxRelay(
                db,
                transactions,
                (workspace, r, events) -> streams.publish(workspace, r, events)
                        .then(Mono.error(new IllegalStateException("relay killed"))),
                workspaceDirectory,
                properties,
                Clock.systemUTC(),
                new SimpleMeterRegistry());
        assertThatThrownBy(() -> crashing.relay(w.id()).block()).hasMessageContaining("relay killed");
        assertThat(unpublished(w.id())).isEqualTo(1);
        assertThat(RegionStreams.entries(redis, region)).hasSize(1);

        // A fresh relay finds the event still unpublished and sends it again, then the next transition.
        assertThat(relay.relay(w.id()).block()).isEqualTo(1);
        clock.shift(Duration.ofDays(11));
        evaluation.evaluate(w.id()).block();
        relay.relay(w.id()).block();

        var entries = RegionStreams.entries(redis, region);
        assertThat(entries).extracting(RegionStreams.Entry::version).containsExactly(1L, 1L, 2L);
        var consumer = new VersionCheckingConsumer();
        entries.forEach(consumer::accept);
        assertThat(consumer.applied).containsExactly(subscriber + "@1", subscriber + "@2");
        assertThat(unpublished(w.id())).isZero();
    }

    @Test
    void crashBeforeTheStreamAppendLosesNothing() {
        String region = region();
        TestWorkspace w = workspaces.create(region);
        overdueSubscriber(w, region, "K-1");
        clock.shift(Duration.ofDays(4));
        evaluation.evaluate(w.id()).block();

        var crashing = new OutboxRelay(
                db,
                transactions,
                (workspace, r, events) -> Mono.error(new IllegalStateException("relay killed")),
                workspaceDirectory,
                properties,
                Clock.systemUTC(),
                new SimpleMeterRegistry());
        assertThatThrownBy(() -> crashing.relay(w.id()).block()).hasMessageContaining("relay killed");
        assertThat(RegionStreams.entries(redis, region)).isEmpty();

        assertThat(relay.relayAll().block()).isGreaterThanOrEqualTo(1);
        assertThat(RegionStreams.entries(redis, region))
                .extracting(RegionStreams.Entry::version)
                .containsExactly(1L);
    }

    @Test
    void replicasRelayingTheSameWorkspaceAtOnceDoNotDuplicate() {
        String region = region();
        TestWorkspace w = workspaces.create(region);
        for (int i = 0; i < 5; i++) {
            overdueSubscriber(w, region, "P-" + i);
        }
        clock.shift(Duration.ofDays(4));
        evaluation.evaluate(w.id()).block();

        var published = Mono.zip(relay.relay(w.id()), relay.relay(w.id()), relay.relay(w.id()))
                .map(t -> t.getT1() + t.getT2() + t.getT3())
                .block();
        // Whichever replica lost the lock may run again afterwards, finding nothing.
        relay.relay(w.id()).block();
        assertThat(published).isLessThanOrEqualTo(5);
        assertThat(RegionStreams.entries(redis, region)).hasSize(5);
    }

    @Test
    void publishedEventsArePurgedAfterTheRetention() {
        String region = region();
        TestWorkspace w = workspaces.create(region);
        overdueSubscriber(w, region, "G-1");
        clock.shift(Duration.ofDays(4));
        evaluation.evaluate(w.id()).block();
        relay.relay(w.id()).block();

        // The subscriber's creation and its first state change.
        assertThat(count(w.id())).isEqualTo(2);
        relay.purgeAll().block();
        assertThat(count(w.id())).as("still within the retention").isEqualTo(2);
        clock.shift(properties.retention().plusHours(1));
        relay.purgeAll().block();
        assertThat(count(w.id())).isZero();
    }

    /**
     * A subscriber with an invoice due today. Its creation event (subscriber.profile-changed) is
     * relayed and cleared from the stream here: the tests follow the state changes that come after.
     */
    private String overdueSubscriber(TestWorkspace w, String region, String account) {
        String subscriber = subscriber(w, account);
        invoice(w, subscriber, "I-" + account, "30.00", LocalDate.now(clock));
        relay.relay(w.id()).block();
        redis.delete(RegionStream.key(region)).block();
        return subscriber;
    }

    private long unpublished(WorkspaceId workspace) {
        return count(workspace, "WHERE published_at IS NULL");
    }

    private long count(WorkspaceId workspace) {
        return count(workspace, "");
    }

    private long count(WorkspaceId workspace, String where) {
        return transactions
                .inWorkspace(workspace, () -> db.sql("SELECT count(*) AS n FROM outbox_event " + where)
                        .map(row -> row.get("n", Long.class))
                        .one())
                .block();
    }

    private static String region() {
        return "relay-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What a gateway does with the stream: apply an event only if its version is newer than what it has. */
    private static final class VersionCheckingConsumer {
        final Map<String, Long> versions = new HashMap<>();
        final List<String> applied = new java.util.ArrayList<>();

        void accept(RegionStreams.Entry entry) {
            long seen = versions.getOrDefault(entry.subscriber(), 0L);
            if (entry.version() > seen) {
                versions.put(entry.subscriber(), entry.version());
                applied.add(entry.subscriber() + "@" + entry.version());
            }
        }
    }
}
