package io.reroute.platform.enforcement;

import static io.reroute.platform.support.BillingFixtures.invoice;
import static io.reroute.platform.support.BillingFixtures.pay;
import static io.reroute.platform.support.BillingFixtures.state;
import static io.reroute.platform.support.BillingFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.reroute.platform.enforcement.internal.OutboxRelay;
import io.reroute.platform.enforcement.internal.OverdueEvaluation;
import io.reroute.platform.notification.internal.NotificationDispatcher;
import io.reroute.platform.support.InternalCredentials;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.MutableClock;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.RegionStreams;
import io.reroute.platform.support.SettingsFixtures;
import io.reroute.platform.support.TestMailServer;
import io.reroute.platform.support.TestWorkspace;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The money path inside the platform, on a clock that walks through the days: an invoice falls due,
 * the subscriber is reminded (mail with a signed link on the ISP's reminder host), blocked, pays and
 * is restored; each transition is one outbox event, relayed once to the region's stream in order.
 */
@PlatformIntegrationTest
class EnforcementScenarioIT {

    private static final Pattern LINK = Pattern.compile("https://([a-z0-9.-]+)/link/([A-Za-z0-9_.-]+)");

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    @Autowired
    MutableClock clock;

    @Autowired
    OverdueEvaluation evaluation;

    @Autowired
    OutboxRelay relay;

    @Autowired
    NotificationDispatcher dispatcher;

    @Autowired
    WorkspaceTransactions transactions;

    @Autowired
    DatabaseClient db;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void dueInvoiceRemindsBlocksAndPaymentRestoresWithEveryEventOnTheStreamOnce() throws Exception {
        String region = "scn-" + UUID.randomUUID().toString().substring(0, 8);
        TestWorkspace w = workspaces.create(region);
        String host = "pay." + w.slug() + ".example";
        SettingsFixtures.configure(w, "Fibre North", host);
        assertThat(relay.relay(w.id()).block())
                .as("the landing address and reminder host, for the region's gateways")
                .isEqualTo(1);
        String email = w.slug() + "@subscriber.example";
        String subscriber = subscriber(w, "ACC-7", Map.of("email", email, "staticIpv4", "100.64.0.7"));
        String invoice = invoice(w, subscriber, "INV-7", "30.00", LocalDate.now(clock));
        assertThat(relay.relay(w.id()).block())
                .as("the new subscriber (its PPPoE login), for the region's gateways")
                .isEqualTo(1);

        clock.shift(Duration.ofDays(4));
        assertThat(evaluation.evaluate(w.id()).block()).isEqualTo(1);
        state(w, subscriber, "WARNED");
        assertThat(relay.relay(w.id()).block()).isEqualTo(1);
        assertThat(dispatcher.dispatchDue().block()).isGreaterThanOrEqualTo(1);

        MimeMessage reminder = single(email, 1);
        var from = (InternetAddress) reminder.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Fibre North Billing");
        assertThat(from.getAddress()).isEqualTo("billing@" + host);
        assertThat(reminder.getSubject()).isEqualTo("Fibre North: payment reminder for account ACC-7");
        String body = reminder.getContent().toString();
        assertThat(body).contains("30.00 EUR").contains("ACC-7");
        var link = LINK.matcher(body);
        assertThat(link.find()).as("a signed link in:%n%s", body).isTrue();
        assertThat(link.group(1)).isEqualTo(host);
        w.api()
                .anonymous()
                .post()
                .uri("/internal/reminder-links/verify")
                .header(HttpHeaders.AUTHORIZATION, InternalCredentials.portal())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", link.group(2), "host", host, "purpose", "PAY"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.subscriberId")
                .isEqualTo(subscriber)
                .jsonPath("$.accountNumber")
                .isEqualTo("ACC-7");

        clock.shift(Duration.ofDays(11));
        evaluation.evaluate(w.id()).block();
        state(w, subscriber, "BLOCKED");
        relay.relay(w.id()).block();
        dispatcher.dispatchDue().block();
        assertThat(single(email, 2).getSubject()).isEqualTo("Fibre North: your internet service is paused");

        pay(w, subscriber, List.of(invoice), "30.00", "scn-pay").expectStatus().isCreated();
        state(w, subscriber, "ACTIVE");
        relay.relay(w.id()).block();
        dispatcher.dispatchDue().block();
        assertThat(single(email, 3).getSubject()).isEqualTo("Fibre North: your internet service is back");

        // Nothing goes out twice: not the events, not the mails.
        assertThat(relay.relay(w.id()).block()).isZero();
        dispatcher.dispatchDue().block();
        assertThat(TestMailServer.receivedBy(email)).hasSize(3);

        var all = RegionStreams.entries(redis, region);
        assertThat(all.getFirst().fields()).containsEntry("type", WorkspaceChangedEvent.TYPE);
        assertThat(all.get(1).fields())
                .containsEntry("type", SubscriberProfileChangedEvent.TYPE)
                .containsEntry("subscriber", subscriber);
        var entries = all.subList(2, all.size());
        assertThat(entries).extracting(RegionStreams.Entry::version).containsExactly(1L, 2L, 3L);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.subscriber()).isEqualTo(subscriber);
            assertThat(e.fields())
                    .containsEntry("workspace", w.id().toString())
                    .containsEntry("type", "subscriber.state-changed");
        });
        assertThat(entries)
                .extracting(e -> JsonPath.<String>read(e.fields().get("event"), "$.subscriber.state"))
                .containsExactly("WARNED", "BLOCKED", "ACTIVE");
        assertThat(JsonPath.<String>read(entries.get(1).fields().get("event"), "$.subscriber.staticIpv4"))
                .isEqualTo("100.64.0.7");
        assertThat(JsonPath.<String>read(entries.get(2).fields().get("event"), "$.previousState"))
                .isEqualTo("BLOCKED");

        var outbox = transactions
                .inWorkspace(w.id(), () -> db.sql("SELECT version, stream_id, published_at IS NOT NULL AS published"
                                + " FROM outbox_event WHERE workspace_id = :w AND event_type = :type ORDER BY id")
                        .bind("w", w.id().value())
                        .bind("type", StateChangedEvent.TYPE)
                        .map(row -> row.get("version", Long.class) + "@" + row.get("stream_id", String.class) + ":"
                                + row.get("published", Boolean.class))
                        .all()
                        .collectList())
                .block();
        assertThat(outbox)
                .containsExactly(
                        "1@" + entries.get(0).id() + ":true",
                        "2@" + entries.get(1).id() + ":true",
                        "3@" + entries.get(2).id() + ":true");

        w.client()
                .get()
                .uri("/api/v1/subscribers/" + subscriber + "/notifications")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[*].kind")
                .isEqualTo(List.of("RESTORED", "BLOCKED", "REMINDER"))
                .jsonPath("$.items[*].status")
                .isEqualTo(List.of("SENT", "SENT", "SENT"));
    }

    /** The {@code count}-th mail to {@code recipient}, asserting it is the last one received. */
    private static MimeMessage single(String recipient, int count) {
        var received = TestMailServer.receivedBy(recipient);
        assertThat(received).hasSize(count);
        return received.getLast();
    }
}
