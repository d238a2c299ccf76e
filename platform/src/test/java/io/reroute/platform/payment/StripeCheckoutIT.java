package io.reroute.platform.payment;

import static io.reroute.platform.support.BillingFixtures.invoice;
import static io.reroute.platform.support.BillingFixtures.state;
import static io.reroute.platform.support.BillingFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.reroute.platform.payment.stripe.StripeTestEvents;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.PortalClient;
import io.reroute.platform.support.SettingsFixtures;
import io.reroute.platform.support.TestStripeApi;
import io.reroute.platform.support.TestWorkspace;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Paying through Stripe Checkout: the session is opened with the workspace's own key at a stand-in
 * Stripe API, and its webhook events, signed locally as Stripe signs them, complete the payment once:
 * whatever their order, however often they come, and only with the workspace's own secret.
 */
@PlatformIntegrationTest
class StripeCheckoutIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    static TestWorkspace a;
    static TestWorkspace b;
    static String hostA;
    static String keyA;
    static String hookA;
    static String hookB;
    static PortalClient portal;

    @Autowired
    WorkspaceTransactions transactions;

    @Autowired
    DatabaseClient db;

    @BeforeAll
    static void twoStripeAccounts() {
        a = workspaces.create();
        b = workspaces.create();
        hostA = "pay." + a.slug() + ".example";
        SettingsFixtures.configure(a, "ISP A", hostA);
        keyA = "sk_test_" + a.slug().replace("-", "") + "0123456789";
        hookA = "whsec_" + a.slug().replace("-", "") + "0123456789";
        hookB = "whsec_" + b.slug().replace("-", "") + "0123456789";
        useStripe(a, keyA, hookA);
        useStripe(b, "sk_test_" + b.slug().replace("-", "") + "0123456789", hookB);
        portal = new PortalClient(a);
    }

    @Test
    void aPaidSessionRestoresOnceWhateverTheOrderAndHowOftenItsEventsCome() {
        String s = subscriber(a, "S-1", Map.of("email", "s1@example.net"));
        invoice(a, s, "S-1-A", "20.00", LocalDate.now().minusDays(20));
        state(a, s, "BLOCKED");
        String session = portal.session(hostA, PortalClient.link(a, s, "PAY"));
        String checkout = portal.checkout(session, hostA, Map.of("purpose", "PAY"));
        String id = JsonPath.read(checkout, "$.id");
        assertThat(JsonPath.<String>read(checkout, "$.provider")).isEqualTo("STRIPE");
        assertThat(JsonPath.<String>read(checkout, "$.redirectUrl")).startsWith("https://");
        var sent = TestStripeApi.get().requests(keyA).getLast();
        assertThat(sent.form())
                .containsEntry("client_reference_id", id)
                .containsValue("2000")
                .containsValue("eur")
                .containsEntry("metadata[workspace_id]", a.id().toString())
                .containsEntry("success_url", "https://" + hostA + "/checkout/" + id);
        assertThat(sent.idempotencyKey()).isEqualTo("checkout-" + id);
        String stripeSession = providerSession(id);

        // A forged event, one signed with another account's secret, and one signed long ago change nothing.
        deliver(
                        event("evt_forged", StripeTestEvents.COMPLETED, stripeSession, id, "paid", 2000),
                        "whsec_forged01234567")
                .expectStatus()
                .isBadRequest();
        deliver(event("evt_other", StripeTestEvents.COMPLETED, stripeSession, id, "paid", 2000), hookB)
                .expectStatus()
                .isBadRequest();
        byte[] old = event("evt_old", StripeTestEvents.COMPLETED, stripeSession, id, "paid", 2000);
        deliverWithHeader(
                        old,
                        StripeTestEvents.signatureHeader(
                                old, hookA, Instant.now().minus(Duration.ofMinutes(10))))
                .expectStatus()
                .isBadRequest();
        state(a, s, "BLOCKED");
        // A bank debit: completed but not yet paid; then the money arrives.
        deliver(event("evt_unpaid", StripeTestEvents.COMPLETED, stripeSession, id, "unpaid", 2000), hookA)
                .expectStatus()
                .isOk();
        state(a, s, "BLOCKED");
        byte[] succeeded = event("evt_paid", StripeTestEvents.ASYNC_PAYMENT_SUCCEEDED, stripeSession, id, "paid", 2000);
        deliver(succeeded, hookA).expectStatus().isOk();
        state(a, s, "ACTIVE");
        // Delivered again, and an expiry arriving late: still one payment, still completed.
        deliver(succeeded, hookA).expectStatus().isOk();
        deliver(event("evt_expired", StripeTestEvents.EXPIRED, stripeSession, id, "unpaid", 2000), hookA)
                .expectStatus()
                .isOk();
        a.client()
                .get()
                .uri("/api/v1/payments?subscriberId=" + s)
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.items[0].provider")
                .isEqualTo("stripe")
                .jsonPath("$.items[0].providerReference")
                .isEqualTo("pi_" + stripeSession.substring(stripeSession.lastIndexOf('_') + 1));
        portal.get(session, hostA, "/internal/portal/checkouts/" + id)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("COMPLETED");
    }

    @Test
    void aWrongAmountNeverRestoresAndAStripeRefusalIsABadGateway() {
        String s = subscriber(a, "S-2");
        invoice(a, s, "S-2-A", "30.00", LocalDate.now().minusDays(20));
        String session = portal.session(hostA, PortalClient.link(a, s, "PAY"));
        String id = JsonPath.read(portal.checkout(session, hostA, Map.of("purpose", "PAY")), "$.id");
        deliver(event("evt_cheap", StripeTestEvents.COMPLETED, providerSession(id), id, "paid", 100), hookA)
                .expectStatus()
                .isOk();
        state(a, s, "BLOCKED");
        portal.get(session, hostA, "/internal/portal/checkouts/" + id)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("OPEN");

        String other = subscriber(a, "S-3");
        invoice(a, other, "S-3-A", "30.00", LocalDate.now().minusDays(20));
        String otherSession = portal.session(hostA, PortalClient.link(a, other, "PAY"));
        TestStripeApi.get().answerError(keyA, 400, "invalid_request_error", "Amount must convert to at least 50 cents");
        try {
            portal.post(otherSession, hostA, "/internal/portal/checkouts", Map.of("purpose", "PAY"))
                    .expectStatus()
                    .isEqualTo(502)
                    .expectBody(String.class)
                    .value(body ->
                            assertThat(body).contains("Amount must convert").doesNotContain(keyA));
        } finally {
            TestStripeApi.get().answerAfter(keyA, Duration.ZERO);
        }
    }

    @Test
    void webhooksOfUnknownWorkspacesOrWorkspacesWithoutStripeAreNotFound() {
        byte[] payload = event(
                "evt_nobody",
                StripeTestEvents.COMPLETED,
                "cs_test_x",
                UUID.randomUUID().toString(),
                "paid",
                100);
        String signature = StripeTestEvents.signatureHeader(payload, hookA, Instant.now());
        var sandbox = workspaces.create();
        for (String workspace :
                new String[] {UUID.randomUUID().toString(), sandbox.id().toString(), "not-a-workspace"}) {
            a.api()
                    .anonymous()
                    .post()
                    .uri("/webhooks/stripe/" + workspace)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Stripe-Signature", signature)
                    .bodyValue(payload)
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
    }

    private static void useStripe(TestWorkspace w, String key, String hook) {
        w.client()
                .put()
                .uri("/api/v1/workspace/payment-provider")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("provider", "STRIPE", "stripeSecretKey", key, "stripeWebhookSecret", hook))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private String providerSession(String checkout) {
        return transactions
                .inWorkspace(a.id(), () -> db.sql("SELECT provider_session_id FROM checkout WHERE id = :id")
                        .bind("id", UUID.fromString(checkout))
                        .map(row -> row.get("provider_session_id", String.class))
                        .one())
                .block();
    }

    private static byte[] event(
            String eventId, String type, String stripeSession, String checkout, String paymentStatus, long amount) {
        return StripeTestEvents.checkoutSessionEvent(
                type,
                eventId + "_" + UUID.randomUUID().toString().substring(0, 8),
                stripeSession,
                checkout,
                paymentStatus,
                amount,
                "eur",
                Map.of("checkout_id", checkout),
                Instant.now());
    }

    private static WebTestClient.ResponseSpec deliver(byte[] payload, String secret) {
        return deliverWithHeader(payload, StripeTestEvents.signatureHeader(payload, secret, Instant.now()));
    }

    private static WebTestClient.ResponseSpec deliverWithHeader(byte[] payload, String signature) {
        return a.api()
                .anonymous()
                .post()
                .uri("/webhooks/stripe/" + a.id())
                .contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", signature)
                .bodyValue(payload)
                .exchange();
    }
}
