package io.reroute.platform.enforcement;

import static io.reroute.platform.support.BillingFixtures.invoice;
import static io.reroute.platform.support.BillingFixtures.pay;
import static io.reroute.platform.support.BillingFixtures.state;
import static io.reroute.platform.support.BillingFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.reroute.platform.enforcement.internal.OverdueEvaluation;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.MutableClock;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.TestWorkspace;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The state machine end to end: invoices fall due as the clock moves, the scheduler acts, payment restores. */
@PlatformIntegrationTest
class SubscriberLifecycleIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    @Autowired
    MutableClock clock;

    @Autowired
    OverdueEvaluation evaluation;

    @Autowired
    WorkspaceTransactions transactions;

    @Autowired
    DatabaseClient db;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void overdueInvoiceWarnsThenBlocksAndPaymentRestores() {
        TestWorkspace w = workspaces.create();
        String subscriber = subscriber(w, "ACC-1");
        LocalDate today = LocalDate.now(clock);
        String invoice = invoice(w, subscriber, "INV-1", "30.00", today);

        assertThat(evaluation.evaluate(w.id()).block()).isZero();
        state(w, subscriber, "ACTIVE");

        clock.shift(Duration.ofDays(4));
        assertThat(evaluation.evaluate(w.id()).block()).isEqualTo(1);
        state(w, subscriber, "WARNED");
        assertThat(evaluation.evaluate(w.id()).block()).as("nothing twice").isZero();

        clock.shift(Duration.ofDays(11));
        evaluation.evaluate(w.id()).block();
        state(w, subscriber, "BLOCKED");

        pay(w, subscriber, List.of(invoice), "30.00", "pay-1").expectStatus().isCreated();
        state(w, subscriber, "ACTIVE");

        String history = w.client()
                .get()
                .uri("/api/v1/subscribers/" + subscriber + "/history")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat((List<Integer>) JsonPath.read(history, "$.items[*].version")).containsExactly(3, 2, 1);
        assertThat((List<String>) JsonPath.read(history, "$.items[*].to"))
                .containsExactly("ACTIVE", "BLOCKED", "WARNED");
        assertThat((List<String>) JsonPath.read(history, "$.items[*].actor"))
                .containsExactly(w.clientId(), "scheduler", "scheduler");
        assertThat((String) JsonPath.read(history, "$.items[0].reason")).isEqualTo("overdue balance paid");

        List<Map<String, Object>> outbox = transactions
                .inWorkspace(w.id(), () -> db.sql(
                                "SELECT version, event_type, region, payload->'subscriber'->>'state' AS state FROM outbox_event"
                                        + " WHERE subscriber_id = :id ORDER BY id")
                        .bind("id", UUID.fromString(subscriber))
                        .fetch()
                        .all()
                        .collectList())
                .block();
        // Created (gateways learn of a new subscriber at once), then its three state changes.
        assertThat(outbox).extracting(row -> row.get("state")).containsExactly("ACTIVE", "WARNED", "BLOCKED", "ACTIVE");
        assertThat(outbox).extracting(row -> row.get("region")).containsOnly("eu-west");
        assertThat(outbox)
                .extracting(row -> row.get("event_type"))
                .containsExactly(
                        SubscriberProfileChangedEvent.TYPE,
                        StateChangedEvent.TYPE,
                        StateChangedEvent.TYPE,
                        StateChangedEvent.TYPE);
    }

    @Test
    void invoiceAlreadyPastDueActsAtOnceAndVoidingRestores() {
        TestWorkspace w = workspaces.create();
        String subscriber = subscriber(w, "ACC-2");
        String invoice =
                invoice(w, subscriber, "INV-2", "50.00", LocalDate.now(clock).minusDays(30));
        state(w, subscriber, "BLOCKED");
        w.client()
                .post()
                .uri("/api/v1/invoices/" + invoice + "/void")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("VOID");
        state(w, subscriber, "ACTIVE");
        w.client()
                .post()
                .uri("/api/v1/invoices/" + invoice + "/void")
                .exchange()
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void simulateAnswersWithoutChangingAnything() {
        TestWorkspace w = workspaces.create();
        String subscriber = subscriber(w, "ACC-3");
        LocalDate due = LocalDate.now(clock).plusDays(1);
        invoice(w, subscriber, "INV-3", "20.00", due);
        w.client()
                .get()
                .uri("/api/v1/subscribers/" + subscriber + "/simulate?at=" + due.plusDays(20))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.currentState")
                .isEqualTo("ACTIVE")
                .jsonPath("$.stateAt")
                .isEqualTo("BLOCKED")
                .jsonPath("$.daysOverdue")
                .isEqualTo(20)
                .jsonPath("$.overdueAmount")
                .isEqualTo(20.00);
        w.client()
                .get()
                .uri("/api/v1/subscribers/" + subscriber + "/simulate?at=" + due.plusDays(5))
                .exchange()
                .expectBody()
                .jsonPath("$.stateAt")
                .isEqualTo("WARNED");
        state(w, subscriber, "ACTIVE");
        w.client()
                .get()
                .uri("/api/v1/subscribers/" + subscriber + "/history")
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);
        w.client()
                .get()
                .uri("/api/v1/subscribers/" + subscriber + "/simulate?at=next-week")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void staffSuspendAndRestoreOverrideBilling() {
        TestWorkspace w = workspaces.create();
        String subscriber = subscriber(w, "ACC-4");
        staff(w, subscriber, "suspend")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.to")
                .isEqualTo("SUSPENDED");
        staff(w, subscriber, "suspend").expectStatus().isEqualTo(409);
        clock.shift(Duration.ofDays(60));
        evaluation.evaluate(w.id()).block();
        state(w, subscriber, "SUSPENDED");
        staff(w, subscriber, "restore")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.to")
                .isEqualTo("ACTIVE");
        staff(w, subscriber, "restore").expectStatus().isEqualTo(409);
    }

    @Test
    void concurrentSchedulerRunsNeverTransitionTwice() {
        TestWorkspace w = workspaces.create();
        List<String> subscribers = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String s = subscriber(w, "C-" + i);
            invoice(w, s, "C-INV-" + i, "40.00", LocalDate.now(clock).plusDays(1));
            subscribers.add(s);
        }
        clock.shift(Duration.ofDays(30));
        Long changed = Mono.zip(evaluation.evaluate(w.id()), evaluation.evaluate(w.id()), evaluation.evaluate(w.id()))
                .map(t -> t.getT1() + t.getT2() + t.getT3())
                .block();
        assertThat(changed).isEqualTo(30);
        for (String s : subscribers) {
            state(w, s, "BLOCKED");
            w.client()
                    .get()
                    .uri("/api/v1/subscribers/" + s + "/history")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.items.length()")
                    .isEqualTo(1);
        }
    }

    private static WebTestClient.ResponseSpec staff(TestWorkspace w, String subscriber, String action) {
        return w.client()
                .post()
                .uri("/api/v1/subscribers/" + subscriber + "/" + action)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "test " + action))
                .exchange();
    }
}
