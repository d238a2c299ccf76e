package io.reroute.platform.billing;

import static io.reroute.platform.support.BillingFixtures.invoice;
import static io.reroute.platform.support.BillingFixtures.pay;
import static io.reroute.platform.support.BillingFixtures.state;
import static io.reroute.platform.support.BillingFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.TestWorkspace;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;

/** Bad input to subscribers, plans, invoices and payments: a clear problem, nothing partly written. */
@PlatformIntegrationTest
class BillingIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    @Test
    void duplicatePaymentWithTheSameKeyReturnsTheFirstResultAndPaysOnce() {
        TestWorkspace w = workspaces.create();
        String s = subscriber(w, "P-1");
        String i1 = invoice(w, s, "P-INV-1", "10.00", LocalDate.now().minusDays(20));
        String i2 = invoice(w, s, "P-INV-2", "15.50", LocalDate.now().minusDays(20));
        state(w, s, "BLOCKED");

        String first = pay(w, s, List.of(i1, i2), "25.50", "key-1")
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String again = pay(w, s, List.of(i1, i2), "25.50", "key-1")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
        w.client()
                .get()
                .uri("/api/v1/payments?subscriberId=" + s)
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1);
        state(w, s, "ACTIVE");

        pay(w, s, List.of(i1), "10.00", "key-1")
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        pay(w, s, List.of(i1), "10.00", "key-2")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("PAID"));
    }

    @Test
    void paymentsMustCoverWholeOpenInvoicesOfTheSubscriber() {
        TestWorkspace w = workspaces.create();
        String s = subscriber(w, "P-2");
        String other = subscriber(w, "P-3");
        String invoice = invoice(w, s, "P2-INV", "40.00", LocalDate.now().minusDays(20));
        String othersInvoice =
                invoice(w, other, "P3-INV", "40.00", LocalDate.now().minusDays(20));

        pay(w, s, List.of(invoice), "39.99", "k-a")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("amount");
        pay(w, s, List.of(othersInvoice), "40.00", "k-b")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("invoiceIds");
        pay(w, s, List.of(invoice), "-40.00", "k-c").expectStatus().isBadRequest();
        w.client()
                .post()
                .uri("/api/v1/payments")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "subscriberId",
                        s,
                        "invoiceIds",
                        List.of(invoice),
                        "amount",
                        "40.00",
                        "currency",
                        "EUR",
                        "provider",
                        "bank",
                        "providerReference",
                        "no-key"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("Idempotency-Key");

        w.client()
                .post()
                .uri("/api/v1/invoices/" + invoice + "/void")
                .exchange()
                .expectStatus()
                .isOk();
        pay(w, s, List.of(invoice), "40.00", "k-d").expectStatus().isEqualTo(409);
        w.client()
                .get()
                .uri("/api/v1/payments")
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);
        state(w, other, "BLOCKED");
    }

    @Test
    void invoicesNeedAPositiveAmountAKnownCurrencyAndAUniqueNumber() {
        TestWorkspace w = workspaces.create();
        String s = subscriber(w, "I-1");
        for (var bad : List.of(
                Map.of("amount", "0"), Map.of("amount", "-5"), Map.of("currency", "XYZ"), Map.of("currency", "USD"))) {
            Map<String, Object> body = new HashMap<>(Map.of(
                    "subscriberId",
                    s,
                    "number",
                    "I-BAD",
                    "amount",
                    "10.00",
                    "currency",
                    "EUR",
                    "dueDate",
                    "2026-12-01"));
            body.putAll(bad);
            w.client()
                    .post()
                    .uri("/api/v1/invoices")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        invoice(w, s, "I-DUP", "10.00", LocalDate.now().plusDays(5));
        w.client()
                .post()
                .uri("/api/v1/invoices")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "subscriberId",
                        s,
                        "number",
                        "I-DUP",
                        "amount",
                        "12.00",
                        "currency",
                        "EUR",
                        "dueDate",
                        "2026-12-01"))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        w.client()
                .get()
                .uri("/api/v1/invoices?subscriberId=" + s)
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1);
    }

    @Test
    void subscribersNeedAUniqueAccountNumberAndAPlanOfTheirOwnWorkspace() {
        TestWorkspace w = workspaces.create();
        TestWorkspace other = workspaces.create();
        String s = subscriber(w, "S-1");
        String plan = JsonPath.read(
                w.client()
                        .get()
                        .uri("/api/v1/subscribers/" + s)
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody(),
                "$.planId");

        w.client()
                .post()
                .uri("/api/v1/subscribers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("accountNumber", "S-1", "name", "Twin", "planId", plan))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        other.client()
                .post()
                .uri("/api/v1/subscribers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("accountNumber", "S-1", "name", "Foreign plan", "planId", plan))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("planId");
        w.client()
                .post()
                .uri("/api/v1/subscribers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "accountNumber",
                        "S-9",
                        "name",
                        "Bad addresses",
                        "planId",
                        plan,
                        "staticIpv4",
                        "2001:db8::1",
                        "delegatedPrefix",
                        "10.0.0.0/8"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(2);
        other.client()
                .get()
                .uri("/api/v1/subscribers")
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);
    }

    @Test
    void subscriberCreationIsIdempotentAndFiltersByState() {
        TestWorkspace w = workspaces.create();
        String s = subscriber(w, "F-1");
        String plan = JsonPath.read(
                w.client()
                        .get()
                        .uri("/api/v1/subscribers/" + s)
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody(),
                "$.planId");
        for (int i = 0; i < 2; i++) {
            w.client()
                    .post()
                    .uri("/api/v1/subscribers")
                    .header("Idempotency-Key", "create-f2")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "accountNumber", "F-2", "name", "Second", "planId", plan, "staticIpv4", "198.51.100.20"))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.staticIpv4")
                    .isEqualTo("198.51.100.20");
        }
        invoice(w, s, "F-INV", "10.00", LocalDate.now().minusDays(30));
        w.client()
                .get()
                .uri("/api/v1/subscribers?state=BLOCKED")
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.items[0].id")
                .isEqualTo(s);
        w.client()
                .get()
                .uri("/api/v1/subscribers?state=ACTIVE")
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.items[0].pppoePasswordSet")
                .isEqualTo(false);
        w.client()
                .get()
                .uri("/api/v1/subscribers/" + s)
                .exchange()
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain("secret-F-1"));
        w.client()
                .get()
                .uri("/api/v1/subscribers?state=LATE")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }
}
