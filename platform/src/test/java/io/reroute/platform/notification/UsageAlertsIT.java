package io.reroute.platform.notification;

import static io.reroute.platform.support.BillingFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import io.reroute.platform.notification.internal.NotificationDispatcher;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.MutableClock;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.SettingsFixtures;
import io.reroute.platform.support.TestMailServer;
import io.reroute.platform.support.TestSmsGateway;
import io.reroute.platform.support.TestWorkspace;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;

/**
 * Usage alerts as the ledger queues them, sent over a real SMTP server and to an HTTP SMS provider
 * stand-in: once per threshold, cycle and channel; refused SMS fail at once, provider errors retry.
 */
@PlatformIntegrationTest
class UsageAlertsIT {

    static final Instant CYCLE = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant RESETS = Instant.parse("2026-12-01T00:00:00Z");

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    @Autowired
    MutableClock clock;

    @Autowired
    WorkspaceTransactions transactions;

    @Autowired
    NotificationQueue queue;

    @Autowired
    NotificationDispatcher dispatcher;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAlertGoesOutByMailAndSmsOncePerThresholdAndCycle() throws Exception {
        TestWorkspace w = workspaces.create();
        SettingsFixtures.configure(w, "Valley Net", "pay." + w.slug() + ".example");
        String email = w.slug() + "@subscriber.example";
        String subscriber = subscriber(w, "U-1", Map.of("email", email, "phone", "+44 20 7946 0101"));
        var alert = new UsageAlert(
                UUID.fromString(subscriber), CYCLE, 80, 82, 8_200_000_000L, 1_800_000_000L, RESETS, false);

        enqueue(w, alert);
        dispatcher.dispatchDue().block();

        var mails = TestMailServer.receivedBy(email);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.getFirst();
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Valley Net Billing");
        assertThat(mail.getSubject()).isEqualTo("Valley Net: you have used 82% of your data");
        assertThat(body(mail))
                .contains("you have used 82% of your data for this cycle: 8.2 GB so far,\n1.8 GB left.")
                .contains("Your data resets on 2026-12-01.")
                .contains("https://pay." + w.slug() + ".example/link/")
                .doesNotContain("{{")
                .doesNotContain("all the data");

        var sms = TestSmsGateway.receivedBy("+442079460101");
        assertThat(sms).hasSize(1);
        assertThat(sms.getFirst().authorization()).isEqualTo("Bearer " + TestSmsGateway.TOKEN);
        assertThat(sms.getFirst().contentType()).startsWith("application/json");
        assertThat(sms.getFirst().from()).isEqualTo(TestSmsGateway.FROM);
        String text = sms.getFirst().text();
        String link = text.substring(text.indexOf("https://"));
        assertThat(text)
                .isEqualTo("Valley Net: you have used 82% of your data (8.2 GB, 1.8 GB left). It resets on 2026-12-01."
                        + " Top up: " + link);
        assertThat(link).startsWith("https://pay." + w.slug() + ".example/link/");
        assertThat(claims(link)).contains("\"pur\":\"top-up\"").contains(subscriber);

        String sent = w.get("/api/v1/subscribers/" + subscriber + "/notifications");
        assertThat(JsonPath.<List<String>>read(sent, "$.items[*].status")).containsExactly("SENT", "SENT");
        assertThat(JsonPath.<List<String>>read(sent, "$.items[*].kind")).containsExactly("USAGE_ALERT", "USAGE_ALERT");
        assertThat(JsonPath.<List<String>>read(sent, "$.items[?(@.channel == 'SMS')].recipient"))
                .containsExactly("+442079460101");
        assertThat(JsonPath.<List<Number>>read(sent, "$.items[*].version"))
                .allMatch(v -> v.longValue() == 20_758L * 1000 + 80);

        // The ledger alerting the same threshold again (a retried transaction, say) sends nothing new.
        enqueue(w, alert);
        dispatcher.dispatchDue().block();
        clock.shift(Duration.ofDays(1));
        dispatcher.dispatchDue().block();
        assertThat(TestMailServer.receivedBy(email)).hasSize(1);
        assertThat(TestSmsGateway.receivedBy("+442079460101")).hasSize(1);

        // The next threshold is another alert; out of data, it says so.
        enqueue(w, new UsageAlert(UUID.fromString(subscriber), CYCLE, 100, 100, 10_000_000_000L, 0L, RESETS, true));
        dispatcher.dispatchDue().block();
        assertThat(TestMailServer.receivedBy(email)).hasSize(2);
        assertThat(body(TestMailServer.receivedBy(email).get(1)))
                .contains("you have used all the data of your plan for this cycle (10.0 GB)")
                .contains("until your data resets on 2026-12-01")
                .doesNotContain("% of your data for this cycle");
        assertThat(TestSmsGateway.receivedBy("+442079460101").get(1).text())
                .startsWith("Valley Net: you have used all your data (10.0 GB). Service is limited until 2026-12-01."
                        + " Top up: https://");
    }

    @Test
    void aRefusedSmsFailsAtOnceAndAProviderErrorIsRetried() {
        TestWorkspace w = workspaces.create();
        SettingsFixtures.configure(w, "Hill Fibre", "pay." + w.slug() + ".example");
        String refused =
                subscriber(w, "U-2", Map.of("email", w.slug() + "-2@subscriber.example", "phone", "+1 (555) 010-0202"));
        String unavailable =
                subscriber(w, "U-3", Map.of("email", w.slug() + "-3@subscriber.example", "phone", "+1 555 010 0303"));
        TestSmsGateway.answer("+15550100202", 400);
        TestSmsGateway.answer("+15550100303", 503);

        enqueue(w, alert(refused), alert(unavailable));
        dispatcher.dispatchDue().block();

        String refusedRows = w.get("/api/v1/subscribers/" + refused + "/notifications");
        assertThat(JsonPath.<List<String>>read(refusedRows, "$.items[?(@.channel == 'SMS')].status"))
                .containsExactly("FAILED");
        assertThat(JsonPath.<List<String>>read(refusedRows, "$.items[?(@.channel == 'SMS')].lastError"))
                .singleElement()
                .asString()
                .contains("400")
                .contains("not deliverable to +********202")
                .doesNotContain("5550100202");
        assertThat(JsonPath.<List<String>>read(refusedRows, "$.items[?(@.channel == 'EMAIL')].status"))
                .containsExactly("SENT");
        assertSms(w, unavailable, "PENDING", 1);

        TestSmsGateway.answer("+15550100303", 200);
        clock.shift(Duration.ofMinutes(2));
        dispatcher.dispatchDue().block();
        assertSms(w, unavailable, "SENT", 2);
        assertThat(TestSmsGateway.receivedBy("+15550100303")).hasSize(2);

        clock.shift(Duration.ofDays(1));
        dispatcher.dispatchDue().block();
        assertThat(TestSmsGateway.receivedBy("+15550100202")).hasSize(1);
        assertThat(TestSmsGateway.receivedBy("+15550100303")).hasSize(2);
    }

    @Test
    void withoutAPhoneNumberTheSmsIsSkippedWithAReason() {
        TestWorkspace w = workspaces.create();
        String email = w.slug() + "@subscriber.example";
        String subscriber = subscriber(w, "U-4", Map.of("email", email));

        enqueue(w, alert(subscriber));
        dispatcher.dispatchDue().block();

        assertThat(TestMailServer.receivedBy(email)).hasSize(1);
        String rows = w.get("/api/v1/subscribers/" + subscriber + "/notifications");
        assertThat(JsonPath.<List<String>>read(rows, "$.items[?(@.channel == 'SMS')].status"))
                .containsExactly("SKIPPED");
        assertThat(JsonPath.<List<String>>read(rows, "$.items[?(@.channel == 'SMS')].lastError"))
                .containsExactly("no phone number on file");
        assertThat(JsonPath.<List<String>>read(rows, "$.items[?(@.channel == 'EMAIL')].status"))
                .containsExactly("SENT");
    }

    @Test
    void eachWorkspacesAlertsGoOutWithItsOwnTemplateAndNeverForAnotherWorkspacesSubscriber() throws Exception {
        TestWorkspace a = workspaces.create();
        TestWorkspace b = workspaces.create();
        SettingsFixtures.configure(a, "Alpha Net", "pay." + a.slug() + ".example");
        SettingsFixtures.configure(b, "Beta Net", "pay." + b.slug() + ".example");
        b.client()
                .put()
                .uri("/api/v1/workspace/mail-templates/USAGE_ALERT")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("subject", "Beta: {{usagePercent}}%", "body", "{{^capped}}{{dataUsd}}{{/capped}}"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("body");
        b.client()
                .put()
                .uri("/api/v1/workspace/mail-templates/USAGE_ALERT")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "subject", "Beta: {{usagePercent}}% used",
                        "body", "{{dataUsed}} used, {{dataRemaining}} left until {{cycleResets}}: {{payLink}}"))
                .exchange()
                .expectStatus()
                .isOk();
        a.client()
                .get()
                .uri("/api/v1/workspace/mail-templates")
                .exchange()
                .expectBody()
                .jsonPath("$[?(@.kind == 'USAGE_ALERT')].custom")
                .isEqualTo(List.of(false));

        String mailOfA = a.slug() + "@subscriber.example";
        String mailOfB = b.slug() + "@subscriber.example";
        String ofA = subscriber(a, "U-A", Map.of("email", mailOfA, "phone", "+49 30 9012 0505"));
        String ofB = subscriber(b, "U-B", Map.of("email", mailOfB, "phone", "+49 30 9012 0606"));

        // A workspace transaction cannot queue an alert for another workspace's subscriber.
        assertThatThrownBy(() -> enqueue(a, alert(ofB))).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(JsonPath.<List<?>>read(b.get("/api/v1/subscribers/" + ofB + "/notifications"), "$.items"))
                .isEmpty();

        enqueue(a, alert(ofA));
        enqueue(b, alert(ofB));
        dispatcher.dispatchDue().block();

        MimeMessage toA = TestMailServer.receivedBy(mailOfA).getFirst();
        MimeMessage toB = TestMailServer.receivedBy(mailOfB).getFirst();
        assertThat(toA.getSubject()).isEqualTo("Alpha Net: you have used 85% of your data");
        assertThat(((InternetAddress) toA.getFrom()[0]).getPersonal()).isEqualTo("Alpha Net Billing");
        assertThat(toB.getSubject()).isEqualTo("Beta: 85% used");
        assertThat(((InternetAddress) toB.getFrom()[0]).getPersonal()).isEqualTo("Beta Net Billing");
        assertThat(body(toB))
                .startsWith("8.5 GB used, 1.5 GB left until 2026-12-01: https://pay." + b.slug() + ".example/link/");
        assertThat(TestSmsGateway.receivedBy("+493090120505").getFirst().text())
                .startsWith("Alpha Net: ")
                .contains("https://pay." + a.slug() + ".example/link/");
        assertThat(TestSmsGateway.receivedBy("+493090120606").getFirst().text())
                .startsWith("Beta Net: ")
                .contains("https://pay." + b.slug() + ".example/link/");
    }

    private static UsageAlert alert(String subscriber) {
        return new UsageAlert(
                UUID.fromString(subscriber), CYCLE, 80, 85, 8_500_000_000L, 1_500_000_000L, RESETS, false);
    }

    private void enqueue(TestWorkspace w, UsageAlert... alerts) {
        transactions
                .inWorkspace(w.id(), () -> queue.enqueueUsageAlerts(w.id(), List.of(alerts), clock.instant()))
                .block();
    }

    private static void assertSms(TestWorkspace w, String subscriber, String status, int attempts) {
        String rows = w.get("/api/v1/subscribers/" + subscriber + "/notifications");
        assertThat(JsonPath.<List<String>>read(rows, "$.items[?(@.channel == 'SMS')].status"))
                .containsExactly(status);
        assertThat(JsonPath.<List<Integer>>read(rows, "$.items[?(@.channel == 'SMS')].attempts"))
                .containsExactly(attempts);
    }

    private static String body(MimeMessage mail) throws Exception {
        return mail.getContent().toString().replace("\r\n", "\n");
    }

    /** The claims of the link's token, as JSON. */
    private static String claims(String link) {
        String token = link.substring(link.lastIndexOf('/') + 1);
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
