package io.reroute.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import io.reroute.platform.payment.stripe.StripeTestEvents;
import io.reroute.platform.session.internal.AccountingConsumer;
import io.reroute.platform.support.AccountingFixtures;
import io.reroute.platform.support.BillingFixtures;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.NasFixtures;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.PortalClient;
import io.reroute.platform.support.RouterFixtures;
import io.reroute.platform.support.SettingsFixtures;
import io.reroute.platform.support.TestWorkspace;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Workspace B's data is invisible (404, never 403) and unmodifiable from workspace A, through every
 * endpoint, and row-level security holds even for raw SQL without a WHERE clause.
 */
@PlatformIntegrationTest
class CrossWorkspaceIT {

    /** Every tenant-owned table and its workspace column. */
    static final Map<String, String> TENANT_TABLES = Map.ofEntries(
            Map.entry("workspace", "id"),
            Map.entry("workspace_settings", "workspace_id"),
            Map.entry("allowlist_entry", "workspace_id"),
            Map.entry("api_client", "workspace_id"),
            Map.entry("audit_event", "workspace_id"),
            Map.entry("plan", "workspace_id"),
            Map.entry("subscriber", "workspace_id"),
            Map.entry("invoice", "workspace_id"),
            Map.entry("payment", "workspace_id"),
            Map.entry("subscriber_transition", "workspace_id"),
            Map.entry("outbox_event", "workspace_id"),
            Map.entry("idempotency_record", "workspace_id"),
            Map.entry("notification", "workspace_id"),
            Map.entry("mail_template", "workspace_id"),
            Map.entry("link_signing_key", "workspace_id"),
            Map.entry("nas_client", "workspace_id"),
            Map.entry("radius_session", "workspace_id"),
            Map.entry("enforcement_attempt", "workspace_id"),
            Map.entry("router", "workspace_id"),
            Map.entry("router_job", "workspace_id"),
            Map.entry("staff_user", "workspace_id"),
            Map.entry("workspace_onboarding", "workspace_id"),
            Map.entry("workspace_payment_provider", "workspace_id"),
            Map.entry("checkout", "workspace_id"),
            Map.entry("payment_provider_event", "workspace_id"));

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    static TestWorkspace a;
    static TestWorkspace b;
    static String entryOfB;
    static String clientOfB;
    static String linkKeyOfB;
    static String nasOfB;
    static Map<String, String> billingOfB = new java.util.HashMap<>();

    @Autowired
    WorkspaceTransactions transactions;

    @Autowired
    DatabaseClient db;

    @BeforeAll
    static void twoWorkspacesWithData(
            @Autowired AccountingConsumer accounting, @Autowired ReactiveStringRedisTemplate redis) {
        a = workspaces.create();
        b = workspaces.create();
        a.create("/api/v1/workspace/allowlist", Map.of("value", "pay." + a.slug() + ".example", "kind", "PAYMENT"));
        entryOfB = b.create(
                "/api/v1/workspace/allowlist", Map.of("value", "pay." + b.slug() + ".example", "kind", "PAYMENT"));
        clientOfB =
                b.create("/api/v1/api-clients", Map.of("name", "billing sync", "scopes", List.of("workspace:read")));
        var nasOf = new java.util.HashMap<TestWorkspace, String>();
        nasOf.put(a, NasFixtures.register(a, "bras", NasFixtures.randomAddress()));
        nasOfB = NasFixtures.register(b, "bras", NasFixtures.randomAddress());
        nasOf.put(b, nasOfB);
        for (TestWorkspace w : List.of(a, b)) {
            String router = RouterFixtures.register(w, "core", "192.0.2.1");
            w.client()
                    .post()
                    .uri("/api/v1/routers/" + router + "/test")
                    .exchange()
                    .expectStatus()
                    .isAccepted();
        }
        for (TestWorkspace w : List.of(a, b)) {
            w.create(
                    "/api/v1/staff",
                    Map.of(
                            "email", "staff@" + w.slug() + ".example",
                            "displayName", "Staff",
                            "role", "SUPPORT",
                            "password", "a long enough password"));
            w.client()
                    .put()
                    .uri("/api/v1/workspace/onboarding/BRANDING")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        for (TestWorkspace w : List.of(a, b)) {
            w.client()
                    .put()
                    .uri("/api/v1/workspace/mail-templates/RESTORED")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("subject", "Back online", "body", "Hello {{subscriberName}}"))
                    .exchange()
                    .expectStatus()
                    .isOk();
            String kid = JsonPath.read(
                    w.client()
                            .post()
                            .uri("/api/v1/workspace/link-keys")
                            .exchange()
                            .expectStatus()
                            .isCreated()
                            .expectBody(String.class)
                            .returnResult()
                            .getResponseBody(),
                    "$.kid");
            if (w == b) {
                linkKeyOfB = kid;
            }
        }
        for (TestWorkspace w : List.of(a, b)) {
            String subscriber = BillingFixtures.subscriber(w, "X-" + w.slug());
            String invoice = BillingFixtures.invoice(
                    w, subscriber, "XI-" + w.slug(), "20.00", LocalDate.now().minusDays(30));
            Instant now = Instant.now();
            AccountingFixtures.append(
                    redis,
                    "eu-west",
                    AccountingFixtures.session(
                            w.id().toString(), nasOf.get(w), "81a00001", subscriber, now, now, 1, 1, null),
                    AccountingFixtures.enforcement(
                            w.id().toString(), subscriber, nasOf.get(w), "81a00001", "COA", "ACK", null, now));
            String payment = JsonPath.read(
                    BillingFixtures.pay(w, subscriber, List.of(invoice), "20.00", "x-" + w.slug())
                            .expectStatus()
                            .isCreated()
                            .expectBody(String.class)
                            .returnResult()
                            .getResponseBody(),
                    "$.id");
            if (w == b) {
                String plan = JsonPath.read(
                        b.client()
                                .get()
                                .uri("/api/v1/subscribers/" + subscriber)
                                .exchange()
                                .expectBody(String.class)
                                .returnResult()
                                .getResponseBody(),
                        "$.planId");
                billingOfB.putAll(Map.of(
                        "/api/v1/subscribers/",
                        subscriber,
                        "/api/v1/invoices/",
                        invoice,
                        "/api/v1/payments/",
                        payment,
                        "/api/v1/plans/",
                        plan));
            }
        }
        for (TestWorkspace w : List.of(a, b)) {
            String host = "pay." + w.slug() + ".example";
            SettingsFixtures.configure(w, "ISP " + w.slug(), host);
            String hook = "whsec_" + w.slug().replace("-", "") + "0123456789";
            w.client()
                    .put()
                    .uri("/api/v1/workspace/payment-provider")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "provider",
                            "STRIPE",
                            "stripeSecretKey",
                            "sk_test_" + w.slug().replace("-", "") + "0123456789",
                            "stripeWebhookSecret",
                            hook))
                    .exchange()
                    .expectStatus()
                    .isOk();
            String subscriber = BillingFixtures.subscriber(w, "Y-" + w.slug());
            BillingFixtures.invoice(
                    w, subscriber, "YI-" + w.slug(), "20.00", LocalDate.now().plusDays(10));
            var portal = new PortalClient(w);
            portal.checkout(
                    portal.session(host, PortalClient.link(w, subscriber, "PAY")), host, Map.of("purpose", "PAY"));
            byte[] event = StripeTestEvents.checkoutSessionEvent(
                    StripeTestEvents.COMPLETED,
                    "evt_" + w.slug(),
                    "cs_test_elsewhere",
                    UUID.randomUUID().toString(),
                    "paid",
                    100,
                    "eur",
                    Map.of(),
                    Instant.now());
            w.api()
                    .anonymous()
                    .post()
                    .uri("/webhooks/stripe/" + w.id())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Stripe-Signature", StripeTestEvents.signatureHeader(event, hook, Instant.now()))
                    .bodyValue(event)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        while (accounting.consume("eu-west", null) > 0) {
            // both workspaces' sessions applied
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/subscribers/", "/api/v1/invoices/", "/api/v1/payments/", "/api/v1/plans/"})
    void anotherWorkspacesBillingIsNotFound(String collection) {
        String id = billingOfB.get(collection);
        a.client()
                .get()
                .uri(collection + id)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        a.client()
                .get()
                .uri(collection.replaceAll("/$", ""))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain(id));
        b.client().get().uri(collection + id).exchange().expectStatus().isOk();
    }

    @Test
    void anotherWorkspacesSubscriberCannotBeActedOn() {
        String subscriber = billingOfB.get("/api/v1/subscribers/");
        for (String action : List.of("suspend", "restore")) {
            a.client()
                    .post()
                    .uri("/api/v1/subscribers/" + subscriber + "/" + action)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("reason", "cross"))
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
        a.client()
                .get()
                .uri("/api/v1/subscribers/" + subscriber + "/history")
                .exchange()
                .expectStatus()
                .isNotFound();
        a.client()
                .get()
                .uri("/api/v1/subscribers/" + subscriber + "/simulate?at=2030-01-01")
                .exchange()
                .expectStatus()
                .isNotFound();
        a.client()
                .get()
                .uri("/api/v1/subscribers/" + subscriber + "/notifications")
                .exchange()
                .expectStatus()
                .isNotFound();
        a.client()
                .post()
                .uri("/api/v1/subscribers/" + subscriber + "/reminder-links")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("purpose", "PAY"))
                .exchange()
                .expectStatus()
                .isNotFound();
        a.client()
                .post()
                .uri("/api/v1/workspace/link-keys/" + linkKeyOfB + "/retire")
                .exchange()
                .expectStatus()
                .isNotFound();
        a.client()
                .post()
                .uri("/api/v1/invoices/" + billingOfB.get("/api/v1/invoices/") + "/void")
                .exchange()
                .expectStatus()
                .isNotFound();
        BillingFixtures.pay(a, subscriber, List.of(billingOfB.get("/api/v1/invoices/")), "20.00", "cross")
                .expectStatus()
                .isBadRequest();
        b.client()
                .get()
                .uri("/api/v1/subscribers/" + subscriber + "/history")
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(2);
    }

    @Test
    void listsShowOnlyTheCallersOwnRows() {
        a.client()
                .get()
                .uri("/api/v1/workspace/allowlist")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.items[0].value")
                .isEqualTo("pay." + a.slug() + ".example");
        a.client()
                .get()
                .uri("/api/v1/api-clients")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[*].clientId")
                .value(ids -> assertThat((List<String>) ids).containsExactly(a.clientId()));
        a.client()
                .get()
                .uri("/api/v1/workspace/audit-events")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[*].target")
                .value(targets -> assertThat((List<String>) targets)
                        .noneMatch(
                                t -> t.contains(b.id().toString()) || t.contains(entryOfB) || t.contains(clientOfB)));
        a.client()
                .get()
                .uri("/api/v1/workspace")
                .exchange()
                .expectBody()
                .jsonPath("$.slug")
                .isEqualTo(a.slug());
        a.client()
                .get()
                .uri("/api/v1/sessions")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[*].nasId")
                .value(nas -> assertThat((List<String>) nas).hasSize(1).doesNotContain(nasOfB));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/workspace/allowlist/", "/api/v1/api-clients/", "/api/v1/nas-clients/"})
    void anotherWorkspacesResourceIsNotFoundAndCannotBeDeleted(String collection) {
        String id = collection.contains("allowlist") ? entryOfB : collection.contains("nas") ? nasOfB : clientOfB;
        a.client()
                .get()
                .uri(collection + id)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        a.client()
                .delete()
                .uri(collection + id)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        b.client()
                .get()
                .uri(collection + id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.revokedAt")
                .doesNotExist();
    }

    @Test
    void anotherWorkspacesNasClientCannotBeReplacedOrListed() {
        a.client()
                .put()
                .uri("/api/v1/nas-clients/" + nasOfB)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "hijacked", "address", NasFixtures.randomAddress()))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        a.client()
                .get()
                .uri("/api/v1/nas-clients")
                .exchange()
                .expectBody()
                .jsonPath("$.items[*].id")
                .value(ids -> assertThat((List<String>) ids).hasSize(1).doesNotContain(nasOfB));
        b.client()
                .get()
                .uri("/api/v1/nas-clients/" + nasOfB)
                .exchange()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("bras");
    }

    @Test
    void aRequestBodyCannotChooseTheWorkspace() {
        a.client()
                .post()
                .uri("/api/v1/workspace/allowlist")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("value", "smuggled.example", "kind", "CUSTOM", "workspaceId", b.id().toString()))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("workspaceId");
        for (TestWorkspace w : List.of(a, b)) {
            w.client()
                    .get()
                    .uri("/api/v1/workspace/allowlist")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.items[?(@.value == 'smuggled.example')]")
                    .isEmpty();
        }
    }

    @Test
    void aRandomIdIsNotFoundTheSameWay() {
        a.client()
                .get()
                .uri("/api/v1/workspace/allowlist/" + UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void settingsChangesStayInTheirWorkspace() {
        String before = b.client()
                .get()
                .uri("/api/v1/workspace/settings")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        var update = Map.of(
                "displayName", "Renamed A",
                "branding",
                        Map.of(
                                "primaryColor",
                                "#112233",
                                "accentColor",
                                "#445566",
                                "title",
                                "A",
                                "message",
                                "Pay",
                                "buttonLabel",
                                "Pay Now"),
                "thresholds", Map.of("reminderAfterDays", 1, "blockAfterDays", 2, "minimumAmountToBlock", 5));
        a.client()
                .put()
                .uri("/api/v1/workspace/settings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(update)
                .exchange()
                .expectStatus()
                .isOk();
        b.client()
                .get()
                .uri("/api/v1/workspace/settings")
                .exchange()
                .expectBody(String.class)
                .isEqualTo(before);
    }

    @Test
    void rawSelectWithoutWhereReturnsOnlyTheBoundWorkspacesRows() {
        for (var table : TENANT_TABLES.entrySet()) {
            List<UUID> owners = transactions
                    .inWorkspace(a.id(), () -> db.sql("SELECT " + table.getValue() + " AS owner FROM " + table.getKey())
                            .map(row -> row.get("owner", UUID.class))
                            .all()
                            .collectList())
                    .block();
            assertThat(owners).as(table.getKey()).isNotEmpty().containsOnly(a.id().value());
        }
    }

    @Test
    void withoutABoundWorkspaceNoRowIsVisible() {
        for (var table : TENANT_TABLES.keySet()) {
            Long count = db.sql("SELECT count(*) AS n FROM " + table)
                    .map(row -> row.get("n", Long.class))
                    .one()
                    .block();
            assertThat(count).as(table).isZero();
        }
    }

    @Test
    void rowsOfAnotherWorkspaceCannotBeWrittenOrChanged() {
        assertThatThrownBy(() -> transactions
                        .inWorkspace(a.id(), () -> db.sql(
                                        "INSERT INTO allowlist_entry"
                                                + " (workspace_id, id, kind, match_type, value, created_at)"
                                                + " VALUES (:b, gen_random_uuid(), 'CUSTOM', 'HOST', 'smuggled.example', now())")
                                .bind("b", b.id().value())
                                .fetch()
                                .rowsUpdated())
                        .block())
                .hasMessageContaining("row-level security");

        Long changed = transactions
                .inWorkspace(
                        a.id(), () -> db.sql("UPDATE allowlist_entry SET note = 'hijacked' WHERE workspace_id = :b")
                                .bind("b", b.id().value())
                                .fetch()
                                .rowsUpdated())
                .block();
        assertThat(changed).isZero();
        b.client()
                .get()
                .uri("/api/v1/workspace/allowlist/" + entryOfB)
                .exchange()
                .expectBody()
                .jsonPath("$.note")
                .doesNotExist();
    }

    @Test
    void theApplicationRoleIsNeitherOwnerNorSuperuserNorExemptFromRls() {
        var role = db.sql(
                        "SELECT r.rolsuper, r.rolbypassrls, (SELECT tableowner FROM pg_tables WHERE tablename = 'allowlist_entry') AS owner,"
                                + " current_user AS me FROM pg_roles r WHERE r.rolname = current_user")
                .fetch()
                .one()
                .block();
        assertThat(role.get("rolsuper")).isEqualTo(false);
        assertThat(role.get("rolbypassrls")).isEqualTo(false);
        assertThat(role.get("owner")).isNotEqualTo(role.get("me"));
    }
}
