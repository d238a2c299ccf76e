package io.reroute.platform.portal;

import static io.reroute.platform.support.BillingFixtures.invoice;
import static io.reroute.platform.support.BillingFixtures.state;
import static io.reroute.platform.support.BillingFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.reroute.platform.support.InternalCredentials;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.PortalClient;
import io.reroute.platform.support.SettingsFixtures;
import io.reroute.platform.support.TestMailServer;
import io.reroute.platform.support.TestWorkspace;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The portal's side of the platform: a signed link opens the subscriber's session on their own
 * workspace's host only, the account shows what they owe, and paying (sandbox) restores them.
 */
@PlatformIntegrationTest
class PortalIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    static TestWorkspace a;
    static TestWorkspace b;
    static String hostA;
    static String hostB;
    static PortalClient portal;

    @BeforeAll
    static void twoIsps() {
        a = workspaces.create();
        b = workspaces.create();
        hostA = "pay." + a.slug() + ".example";
        hostB = "pay." + b.slug() + ".example";
        SettingsFixtures.configure(a, "ISP A", hostA);
        SettingsFixtures.configure(b, "ISP B", hostB);
        portal = new PortalClient(a);
    }

    @Test
    void aBlockedSubscriberPaysEveryOpenInvoiceInTheSandboxAndIsRestoredAtOnce() {
        String s = subscriber(a, "P-1", Map.of("email", "p1@example.net"));
        String first = invoice(a, s, "P-1-A", "10.00", LocalDate.now().minusDays(20));
        invoice(a, s, "P-1-B", "15.50", LocalDate.now().minusDays(15));
        state(a, s, "BLOCKED");

        String session = portal.session(hostA, PortalClient.link(a, s, "PAY"));
        portal.get(session, hostA, "/internal/portal/account")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("BLOCKED")
                .jsonPath("$.accountNumber")
                .isEqualTo("P-1")
                .jsonPath("$.openInvoices.length()")
                .isEqualTo(2)
                .jsonPath("$.openInvoices[0].number")
                .isEqualTo("P-1-A")
                .jsonPath("$.openInvoices[0].overdue")
                .isEqualTo(true)
                .jsonPath("$.totalDue")
                .isEqualTo(25.5)
                .jsonPath("$.paymentProvider")
                .isEqualTo("SANDBOX");

        String checkout = portal.checkout(session, hostA, Map.of("purpose", "PAY"));
        String id = JsonPath.read(checkout, "$.id");
        assertThat(JsonPath.<String>read(checkout, "$.redirectUrl"))
                .isEqualTo("https://" + hostA + "/checkout/" + id + "/sandbox");
        assertThat(JsonPath.<Double>read(checkout, "$.amount")).isEqualTo(25.5);
        // A second click on "Pay Now" reuses the open checkout.
        assertThat(JsonPath.<String>read(portal.checkout(session, hostA, Map.of("purpose", "PAY")), "$.id"))
                .isEqualTo(id);

        for (int time = 0; time < 2; time++) {
            portal.post(session, hostA, "/internal/portal/checkouts/" + id + "/sandbox-payment", Map.of())
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("COMPLETED");
        }
        portal.get(session, hostA, "/internal/portal/account/state")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("ACTIVE");
        state(a, s, "ACTIVE");
        portal.get(session, hostA, "/internal/portal/invoices")
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[?(@.status != 'PAID')]")
                .isEmpty();
        portal.get(session, hostA, "/internal/portal/payments")
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].provider")
                .isEqualTo("sandbox")
                .jsonPath("$[0].amount")
                .isEqualTo(25.5);
        portal.post(session, hostA, "/internal/portal/checkouts", Map.of("purpose", "PAY"))
                .expectStatus()
                .isEqualTo(409);

        String payment = JsonPath.read(
                portal.get(session, hostA, "/internal/portal/payments")
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody(),
                "$[0].id");
        for (String document : List.of(
                "/internal/portal/invoices/" + first + "/pdf", "/internal/portal/payments/" + payment + "/pdf")) {
            portal.get(session, hostA, document)
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PDF)
                    .expectBody(byte[].class)
                    .value(pdf -> assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                            .isEqualTo("%PDF-"));
        }
    }

    @Test
    void aTopUpIsSoldAsAPaidInvoiceAndAddsItsData() {
        String plan = a.create(
                "/api/v1/plans",
                Map.of(
                        "name",
                        "Capped 50 GB",
                        "price",
                        "25.00",
                        "currency",
                        "EUR",
                        "billingCycle",
                        "MONTHLY",
                        "downloadKbps",
                        50_000,
                        "uploadKbps",
                        10_000,
                        "dataCap",
                        Map.of(
                                "allowanceBytes",
                                50_000_000_000L,
                                "cycleAnchor",
                                "DAY_OF_MONTH",
                                "cycleDay",
                                1,
                                "capAction",
                                "REDIRECT")));
        String s = subscriber(a, "P-2", Map.of("planId", plan));
        String unlimited = portal.session(hostA, PortalClient.link(a, subscriber(a, "P-2U"), "TOP_UP"));
        String product = a.create(
                "/api/v1/top-up-products",
                Map.of("name", "10 GB", "bytes", 10_000_000_000L, "price", "5.00", "currency", "EUR"));
        String session = portal.session(hostA, PortalClient.link(a, s, "TOP_UP"));
        portal.get(session, hostA, "/internal/portal/account")
                .expectBody()
                .jsonPath("$.topUps[?(@.id == '" + product + "')].name")
                .isEqualTo(List.of("10 GB"));
        portal.get(unlimited, hostA, "/internal/portal/account")
                .expectBody()
                .jsonPath("$.topUps.length()")
                .isEqualTo(0);
        portal.post(unlimited, hostA, "/internal/portal/checkouts", Map.of("purpose", "TOP_UP", "productId", product))
                .expectStatus()
                .isEqualTo(409);
        portal.post(session, hostA, "/internal/portal/checkouts", Map.of("purpose", "TOP_UP"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("productId");

        String id = JsonPath.read(
                portal.checkout(session, hostA, Map.of("purpose", "TOP_UP", "productId", product)), "$.id");
        portal.post(session, hostA, "/internal/portal/checkouts/" + id + "/sandbox-payment", Map.of())
                .expectStatus()
                .isOk();
        portal.get(session, hostA, "/internal/portal/invoices")
                .expectBody()
                .jsonPath("$[0].number")
                .isEqualTo("TU-" + id.substring(0, 8).toUpperCase())
                .jsonPath("$[0].status")
                .isEqualTo("PAID");
        a.client()
                .get()
                .uri("/api/v1/subscribers/" + s + "/top-ups")
                .exchange()
                .expectBody()
                .jsonPath("$.items[0].bytes")
                .isEqualTo(10_000_000_000L);
    }

    @Test
    void aSessionOpensNothingOnAnotherWorkspacesHostAndBrandsNeverMix() {
        String s = subscriber(a, "P-3");
        String token = PortalClient.link(a, s, "PAY");
        portal.openSession(hostB, token)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("FOREIGN_HOST");
        String session = portal.session(hostA, token);
        portal.get(session, hostB, "/internal/portal/account")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:reroute:problem:portal-session-ended");
        portal.get("not-a-session", hostA, "/internal/portal/account")
                .expectStatus()
                .isEqualTo(422);

        String invoiceOfA = invoice(a, s, "P-3-A", "12.00", LocalDate.now().plusDays(10));
        String checkoutOfA = JsonPath.read(portal.checkout(session, hostA, Map.of("purpose", "PAY")), "$.id");
        String subscriberOfB = subscriber(b, "P-3");
        String sessionOfB = portal.session(hostB, PortalClient.link(b, subscriberOfB, "PAY"));
        portal.get(sessionOfB, hostB, "/internal/portal/checkouts/" + checkoutOfA)
                .expectStatus()
                .isNotFound();
        portal.get(sessionOfB, hostB, "/internal/portal/invoices/" + invoiceOfA + "/pdf")
                .expectStatus()
                .isNotFound();
        portal.post(sessionOfB, hostB, "/internal/portal/checkouts/" + checkoutOfA + "/sandbox-payment", Map.of())
                .expectStatus()
                .isNotFound();
        portal.get(sessionOfB, hostB, "/internal/portal/account")
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Subscriber P-3")
                .jsonPath("$.topUps.length()")
                .isEqualTo(0);

        a.api()
                .anonymous()
                .get()
                .uri("/internal/portal/hosts/" + hostA)
                .header(HttpHeaders.AUTHORIZATION, InternalCredentials.portal())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("ISP A")
                .jsonPath("$.branding.buttonLabel")
                .isEqualTo("Pay Now");
        a.api()
                .anonymous()
                .get()
                .uri("/internal/portal/hosts/unknown-" + UUID.randomUUID() + ".example")
                .header(HttpHeaders.AUTHORIZATION, InternalCredentials.portal())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aNewLinkGoesOnlyToTheAddressOnFileAtMostOnceAMinuteAndTellsTheVisitorNothing() {
        String s = subscriber(a, "P-5", Map.of("email", "p5@example.net"));
        for (String host : List.of(hostA, hostA, hostB, "unknown-" + UUID.randomUUID() + ".example")) {
            portal.requestLink(host, "P-5");
        }
        portal.requestLink(hostA, "NO-SUCH-ACCOUNT");
        a.client()
                .get()
                .uri("/api/v1/subscribers/" + s + "/notifications")
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.items[0].kind")
                .isEqualTo("REMINDER");
    }

    @Test
    void aMailedCodeSignsInOnceOnItsOwnWorkspacesHostOnly() throws Exception {
        String email = "p6-" + UUID.randomUUID() + "@example.net";
        subscriber(a, "P-6", Map.of("email", email));
        // Asked on the other workspace's host, the account is nobody's: nothing is sent.
        portal.requestCode(hostB, "P-6");
        assertThat(TestMailServer.receivedBy(email)).isEmpty();
        portal.requestCode(hostA, "P-6");
        portal.requestCode(hostA, "P-6");
        var mails = TestMailServer.receivedBy(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).isEqualTo("Your sign-in code for ISP A");
        String code = codeIn(mails.getFirst());

        portal.signInWithCode(hostB, "P-6", code).expectStatus().isEqualTo(422);
        String session = JsonPath.read(
                portal.signInWithCode(hostA, "P-6", code)
                        .expectStatus()
                        .isCreated()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody(),
                "$.session");
        portal.get(session, hostA, "/internal/portal/account")
                .expectBody()
                .jsonPath("$.accountNumber")
                .isEqualTo("P-6");
        portal.signInWithCode(hostA, "P-6", code)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:reroute:problem:portal-code-rejected");
    }

    @Test
    void fiveWrongGuessesEndACode() throws Exception {
        String email = "p7-" + UUID.randomUUID() + "@example.net";
        subscriber(a, "P-7", Map.of("email", email));
        portal.requestCode(hostA, "P-7");
        String code = codeIn(TestMailServer.receivedBy(email).getFirst());
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int guess = 0; guess < 5; guess++) {
            portal.signInWithCode(hostA, "P-7", wrong).expectStatus().isEqualTo(422);
        }
        portal.signInWithCode(hostA, "P-7", code).expectStatus().isEqualTo(422);
    }

    /** The six-digit code a sign-in mail carries. */
    private static String codeIn(jakarta.mail.internet.MimeMessage mail) {
        var found = java.util.regex.Pattern.compile("is (\\d{6})\\.")
                .matcher(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail));
        assertThat(found.find()).isTrue();
        return found.group(1);
    }

    @Test
    void onlyThePortalMayCallAndNothingToPayIsAConflict() {
        a.api()
                .anonymous()
                .get()
                .uri("/internal/portal/hosts/" + hostA)
                .header(
                        HttpHeaders.AUTHORIZATION,
                        InternalCredentials.gateway("eu-west", InternalCredentials.EU_WEST_GATEWAY_SECRET))
                .exchange()
                .expectStatus()
                .isForbidden();
        a.api()
                .anonymous()
                .get()
                .uri("/internal/portal/hosts/" + hostA)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        a.api()
                .withToken(a.token())
                .post()
                .uri("/internal/portal/sessions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("host", hostA, "token", "x"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        String session = portal.session(hostA, PortalClient.link(a, subscriber(a, "P-4"), "PAY"));
        portal.post(session, hostA, "/internal/portal/checkouts", Map.of("purpose", "PAY"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("there is nothing to pay");
    }

    @Test
    void theProviderSettingsKeepTheirSecretsSealedAndPerWorkspace() {
        a.client()
                .get()
                .uri("/api/v1/workspace/payment-provider")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.provider")
                .isEqualTo("SANDBOX")
                .jsonPath("$.stripeWebhookPath")
                .isEqualTo("/webhooks/stripe/" + a.id());
        b.client()
                .put()
                .uri("/api/v1/workspace/payment-provider")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("provider", "STRIPE", "stripeSecretKey", "pk_wrong"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'stripeSecretKey')]")
                .exists();
        b.client()
                .put()
                .uri("/api/v1/workspace/payment-provider")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "provider", "STRIPE",
                        "stripeSecretKey", "sk_test_portalIT0123456789",
                        "stripeWebhookSecret", "whsec_portalIT0123456789"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("\"stripeSecretKeySet\":true")
                        .doesNotContain("sk_test_portalIT")
                        .doesNotContain("whsec_portalIT"));
        a.client()
                .get()
                .uri("/api/v1/workspace/payment-provider")
                .exchange()
                .expectBody()
                .jsonPath("$.provider")
                .isEqualTo("SANDBOX");
        b.client()
                .get()
                .uri("/api/v1/workspace/audit-events")
                .exchange()
                .expectBody(String.class)
                .value(body ->
                        assertThat(body).contains("payment-provider.changed").doesNotContain("sk_test"));
    }
}
