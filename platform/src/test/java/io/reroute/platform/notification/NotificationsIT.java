package io.reroute.platform.notification;

import static io.reroute.platform.support.BillingFixtures.invoice;
import static io.reroute.platform.support.BillingFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.platform.enforcement.internal.OverdueEvaluation;
import io.reroute.platform.notification.internal.NotificationDispatcher;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.MutableClock;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.SettingsFixtures;
import io.reroute.platform.support.TestMailServer;
import io.reroute.platform.support.TestWorkspace;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Subscriber mail over a real SMTP server: per-workspace templates, retries while SMTP is down, never twice. */
@PlatformIntegrationTest
class NotificationsIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    @Autowired
    MutableClock clock;

    @Autowired
    OverdueEvaluation evaluation;

    @Autowired
    NotificationDispatcher dispatcher;

    @AfterEach
    void resetClockAndServer() {
        clock.reset();
        TestMailServer.restart();
    }

    @Test
    void workspaceTemplateIsUsedAndAnUnknownVariableIsRefusedWhenSaved() throws Exception {
        TestWorkspace w = workspaces.create();
        SettingsFixtures.configure(w, "Valley Net", "pay." + w.slug() + ".example");
        w.client()
                .put()
                .uri("/api/v1/workspace/mail-templates/REMINDER")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("subject", "{{ispName}} says: {{amountDue}} open", "body", "Hi {{subscrberName}}"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("body");
        w.client()
                .put()
                .uri("/api/v1/workspace/mail-templates/REMINDER")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "subject", "{{ispName}} says: {{amountDue}} open",
                        "body", "Hi {{subscriberName}}, pay at {{payLink}}"))
                .exchange()
                .expectStatus()
                .isOk();
        w.client()
                .get()
                .uri("/api/v1/workspace/mail-templates")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.kind == 'REMINDER')].custom")
                .isEqualTo(List.of(true))
                .jsonPath("$[?(@.kind == 'BLOCKED')].custom")
                .isEqualTo(List.of(false));

        String email = w.slug() + "@subscriber.example";
        overdue(w, "T-1", email);
        clock.shift(Duration.ofDays(4));
        evaluation.evaluate(w.id()).block();
        dispatcher.dispatchDue().block();

        var mail = TestMailServer.receivedBy(email);
        assertThat(mail).hasSize(1);
        assertThat(mail.getFirst().getSubject()).isEqualTo("Valley Net says: 30.00 EUR open");
        assertThat(mail.getFirst().getContent().toString())
                .startsWith("Hi Subscriber T-1, pay at https://pay." + w.slug() + ".example/link/");
    }

    @Test
    void smtpFailuresAreRetriedWithBackoffAndTheMailGoesOutOnce() {
        TestWorkspace w = workspaces.create();
        SettingsFixtures.configure(w, "Hill Fibre", "pay." + w.slug() + ".example");
        String email = w.slug() + "@subscriber.example";
        String subscriber = overdue(w, "T-2", email);
        clock.shift(Duration.ofDays(4));
        evaluation.evaluate(w.id()).block();

        TestMailServer.stop();
        dispatcher.dispatchDue().block();
        notifications(w, subscriber, "PENDING", 1);
        dispatcher.dispatchDue().block();
        notifications(w, subscriber, "PENDING", 1);

        TestMailServer.restart();
        clock.shift(Duration.ofMinutes(2));
        dispatcher.dispatchDue().block();
        notifications(w, subscriber, "SENT", 2);
        assertThat(TestMailServer.receivedBy(email)).hasSize(1);

        clock.shift(Duration.ofDays(1));
        dispatcher.dispatchDue().block();
        assertThat(TestMailServer.receivedBy(email)).hasSize(1);
    }

    @Test
    void aSubscriberWithoutEmailIsSkippedWithAReason() {
        TestWorkspace w = workspaces.create();
        String subscriber = subscriber(w, "T-3");
        invoice(w, subscriber, "TI-3", "30.00", LocalDate.now(clock));
        clock.shift(Duration.ofDays(4));
        evaluation.evaluate(w.id()).block();
        dispatcher.dispatchDue().block();
        w.client()
                .get()
                .uri("/api/v1/subscribers/" + subscriber + "/notifications")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].status")
                .isEqualTo("SKIPPED")
                .jsonPath("$.items[0].lastError")
                .isEqualTo("no email address on file");
    }

    @Test
    void anotherWorkspacesNotificationsAndTemplatesAreOutOfReach() {
        TestWorkspace a = workspaces.create();
        TestWorkspace b = workspaces.create();
        String subscriberOfB = subscriber(b, "T-B");
        b.client()
                .put()
                .uri("/api/v1/workspace/mail-templates/BLOCKED")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("subject", "B only", "body", "B only"))
                .exchange()
                .expectStatus()
                .isOk();

        a.client()
                .get()
                .uri("/api/v1/subscribers/" + subscriberOfB + "/notifications")
                .exchange()
                .expectStatus()
                .isNotFound();
        a.client()
                .get()
                .uri("/api/v1/workspace/mail-templates")
                .exchange()
                .expectBody()
                .jsonPath("$[?(@.kind == 'BLOCKED')].custom")
                .isEqualTo(List.of(false));
    }

    private String overdue(TestWorkspace w, String account, String email) {
        String subscriber = subscriber(w, account, Map.of("email", email));
        invoice(w, subscriber, "I-" + account, "30.00", LocalDate.now(clock));
        return subscriber;
    }

    private static void notifications(TestWorkspace w, String subscriber, String status, int attempts) {
        w.client()
                .get()
                .uri("/api/v1/subscribers/" + subscriber + "/notifications")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.items[0].kind")
                .isEqualTo("REMINDER")
                .jsonPath("$.items[0].status")
                .isEqualTo(status)
                .jsonPath("$.items[0].attempts")
                .isEqualTo(attempts);
    }
}
