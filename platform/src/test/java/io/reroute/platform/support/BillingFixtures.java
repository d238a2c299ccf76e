package io.reroute.platform.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Plans, subscribers, invoices and payments made through the public API, for tests. */
public final class BillingFixtures {

    private BillingFixtures() {}

    /** A subscriber on a plan of its own, with PPPoE credentials; returns its id. */
    public static String subscriber(TestWorkspace w, String account) {
        return subscriber(w, account, Map.of());
    }

    /** As {@link #subscriber(TestWorkspace, String)}, with more fields (email, staticIpv4...). */
    public static String subscriber(TestWorkspace w, String account, Map<String, Object> more) {
        String plan = w.create(
                "/api/v1/plans",
                Map.of(
                        "name",
                        "Fibre " + account,
                        "price",
                        "30.00",
                        "currency",
                        "EUR",
                        "billingCycle",
                        "MONTHLY",
                        "downloadKbps",
                        100000,
                        "uploadKbps",
                        20000));
        return w.create(
                "/api/v1/subscribers",
                with(
                        more,
                        Map.of(
                                "accountNumber",
                                account,
                                "name",
                                "Subscriber " + account,
                                "planId",
                                plan,
                                "pppoeUsername",
                                account.toLowerCase() + "@isp",
                                "pppoePassword",
                                "secret-" + account)));
    }

    private static Map<String, Object> with(Map<String, Object> more, Map<String, Object> base) {
        var all = new java.util.HashMap<String, Object>(base);
        all.putAll(more);
        return all;
    }

    public static String invoice(TestWorkspace w, String subscriber, String number, String amount, LocalDate due) {
        return w.create(
                "/api/v1/invoices",
                Map.of(
                        "subscriberId",
                        subscriber,
                        "number",
                        number,
                        "amount",
                        amount,
                        "currency",
                        "EUR",
                        "dueDate",
                        due.toString()));
    }

    public static WebTestClient.ResponseSpec pay(
            TestWorkspace w, String subscriber, List<String> invoices, String amount, String key) {
        return w.client()
                .post()
                .uri("/api/v1/payments")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "subscriberId",
                        subscriber,
                        "invoiceIds",
                        invoices,
                        "amount",
                        amount,
                        "currency",
                        "EUR",
                        "provider",
                        "bank",
                        "providerReference",
                        "ref-" + key))
                .exchange();
    }

    public static void state(TestWorkspace w, String subscriber, String expected) {
        w.client()
                .get()
                .uri("/api/v1/subscribers/" + subscriber)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo(expected);
    }
}
