package io.reroute.platform.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.reroute.platform.support.BillingFixtures;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.SettingsFixtures;
import io.reroute.platform.support.TestWorkspace;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Staff accounts, sign-in, roles, sign-up of a new ISP, and the staff-facing endpoints of the admin UI. */
@PlatformIntegrationTest
class StaffIT {

    private static final String PASSWORD = "correct horse battery";

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    @Test
    void signUpOpensTheWorkspaceWithItsOwnerSignedInAndTracksTheWizard() {
        TestWorkspace any = workspaces.create();
        String slug = "isp-" + UUID.randomUUID().toString().substring(0, 8);
        String email = slug + "@example.net";
        String answer = signUp(any, slug, email)
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(JsonPath.<String>read(answer, "$.staff.role")).isEqualTo("OWNER");
        assertThat(JsonPath.<String>read(answer, "$.workspace.slug")).isEqualTo(slug);
        assertThat(JsonPath.<String>read(answer, "$.scope")).contains("staff:write", "workspace:write");
        String token = JsonPath.read(answer, "$.accessToken");

        var owner = any.api().withToken(token);
        owner.get()
                .uri("/api/v1/workspace")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("ISP " + slug);
        owner.get()
                .uri("/api/v1/staff/me")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(email);
        owner.get()
                .uri("/api/v1/workspace/onboarding")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.nextStep")
                .isEqualTo("BRANDING")
                .jsonPath("$.completed")
                .isEqualTo(false);
        owner.put()
                .uri("/api/v1/workspace/onboarding/BRANDING")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.nextStep")
                .isEqualTo("REMINDER_HOST")
                .jsonPath("$.steps[0].completedAt")
                .isNotEmpty();
        owner.put()
                .uri("/api/v1/workspace/onboarding/NOPE")
                .exchange()
                .expectStatus()
                .isBadRequest();

        // Taken slug and taken email are conflicts on their fields, and nothing is left half-written.
        signUp(any, slug, "other-" + email)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("slug");
        String freshSlug = slug + "-b";
        signUp(any, freshSlug, email)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("ownerEmail");
        signUp(any, freshSlug, "b-" + email).expectStatus().isCreated();

        any.api()
                .anonymous()
                .post()
                .uri("/api/v1/onboarding")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "ispName",
                        "",
                        "slug",
                        "X",
                        "currency",
                        "EURO",
                        "ownerName",
                        "A",
                        "ownerEmail",
                        "nope",
                        "password",
                        "short"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<String>) fields)
                        .contains("ispName", "slug", "currency", "ownerEmail", "password"));
    }

    @Test
    void rolesDecideWhatAStaffMemberMayDo() {
        TestWorkspace w = workspaces.create();
        // An API client is never an owner, so it cannot make one.
        addStaff(w.client(), "OWNER").expectStatus().isEqualTo(409);
        String support = email();
        addStaff(w.client(), support, "SUPPORT").expectStatus().isCreated();
        String operator = email();
        addStaff(w.client(), operator, "OPERATOR").expectStatus().isCreated();
        String subscriber = BillingFixtures.subscriber(w, "R-1");

        var asSupport = w.api().withToken(signIn(w, support));
        asSupport
                .get()
                .uri("/api/v1/subscribers/" + subscriber)
                .exchange()
                .expectStatus()
                .isOk();
        asSupport
                .get()
                .uri("/api/v1/workspace/settings")
                .exchange()
                .expectStatus()
                .isOk();
        asSupport
                .put()
                .uri("/api/v1/workspace/settings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isForbidden();
        asSupport
                .post()
                .uri("/api/v1/routers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isForbidden();
        asSupport
                .post()
                .uri("/api/v1/subscribers/" + subscriber + "/suspend")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "x"))
                .exchange()
                .expectStatus()
                .isForbidden();
        asSupport.get().uri("/api/v1/staff").exchange().expectStatus().isForbidden();
        // Reminders are allowed; this one is refused only because there is no reminder host yet.
        asSupport
                .post()
                .uri("/api/v1/subscribers/" + subscriber + "/reminders")
                .exchange()
                .expectStatus()
                .isEqualTo(409);

        var asOperator = w.api().withToken(signIn(w, operator));
        asOperator
                .post()
                .uri("/api/v1/subscribers/" + subscriber + "/suspend")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "fraud check"))
                .exchange()
                .expectStatus()
                .isOk();
        asOperator
                .put()
                .uri("/api/v1/workspace/settings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isForbidden();
        // The audit trail names the staff member.
        w.client()
                .get()
                .uri("/api/v1/subscribers/" + subscriber + "/history")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].actor")
                .isEqualTo("staff:" + operator);
    }

    @Test
    void repeatedWrongPasswordsPauseTheAccountButNotOthers() {
        TestWorkspace w = workspaces.create();
        String target = email();
        String bystander = email();
        addStaff(w.client(), target, "ADMIN").expectStatus().isCreated();
        addStaff(w.client(), bystander, "ADMIN").expectStatus().isCreated();
        for (int i = 0; i < 5; i++) {
            signInRequest(w, target, "wrong password " + i)
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:reroute:problem:invalid-credentials");
        }
        signInRequest(w, target, PASSWORD)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists("Retry-After");
        signInRequest(w, bystander, PASSWORD).expectStatus().isOk();
        signInRequest(w, "nobody-" + email(), PASSWORD).expectStatus().isUnauthorized();
    }

    @Test
    void disablingOrChangingAPasswordEndsSessionsAtOnce() {
        TestWorkspace w = workspaces.create();
        String admin = email();
        String id = JsonPath.read(
                body(addStaff(w.client(), admin, "ADMIN").expectStatus().isCreated()), "$.id");
        String token = signIn(w, admin);
        var asAdmin = w.api().withToken(token);
        asAdmin.get().uri("/api/v1/staff/me").exchange().expectStatus().isOk();

        asAdmin.put()
                .uri("/api/v1/staff/me/password")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", "not it at all", "newPassword", "a brand new passphrase"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("currentPassword");
        asAdmin.put()
                .uri("/api/v1/staff/me/password")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", PASSWORD, "newPassword", "a brand new passphrase"))
                .exchange()
                .expectStatus()
                .isNoContent();
        asAdmin.get().uri("/api/v1/staff/me").exchange().expectStatus().isUnauthorized();
        signInRequest(w, admin, PASSWORD).expectStatus().isUnauthorized();
        String second = JsonPath.read(
                body(signInRequest(w, admin, "a brand new passphrase")
                        .expectStatus()
                        .isOk()),
                "$.accessToken");

        w.client()
                .patch()
                .uri("/api/v1/staff/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("disabled", true))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.disabled")
                .isEqualTo(true);
        w.api()
                .withToken(second)
                .get()
                .uri("/api/v1/staff/me")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        signInRequest(w, admin, "a brand new passphrase").expectStatus().isUnauthorized();
    }

    @Test
    void theLastOwnerStaysAndOnlyOwnersChangeOwners() {
        TestWorkspace any = workspaces.create();
        String slug = "own-" + UUID.randomUUID().toString().substring(0, 8);
        String answer =
                body(signUp(any, slug, slug + "@example.net").expectStatus().isCreated());
        var owner = any.api().withToken(JsonPath.read(answer, "$.accessToken"));
        String ownerId = JsonPath.read(answer, "$.staff.id");
        owner.patch()
                .uri("/api/v1/staff/" + ownerId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "ADMIN"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("role");
        owner.patch()
                .uri("/api/v1/staff/" + ownerId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("disabled", true))
                .exchange()
                .expectStatus()
                .isEqualTo(409);

        String admin = email();
        addStaff(owner, admin, "ADMIN").expectStatus().isCreated();
        var asAdmin = any.api()
                .withToken(JsonPath.read(
                        body(signInRequest(any, admin, PASSWORD).expectStatus().isOk()), "$.accessToken"));
        asAdmin.patch()
                .uri("/api/v1/staff/" + ownerId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("displayName", "Renamed"))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        addStaff(asAdmin, "OWNER").expectStatus().isEqualTo(409);
        addStaff(owner, "OWNER").expectStatus().isCreated();
    }

    @Test
    void staffOfOneWorkspaceNeverSeeAnothersStaffOrSubscribers() {
        TestWorkspace a = workspaces.create();
        TestWorkspace b = workspaces.create();
        String aStaff = JsonPath.read(
                body(addStaff(a.client(), email(), "ADMIN").expectStatus().isCreated()), "$.id");
        String aSubscriber = BillingFixtures.subscriber(a, "A-1");
        String bAdmin = email();
        addStaff(b.client(), bAdmin, "ADMIN").expectStatus().isCreated();
        var asB = b.api().withToken(signIn(b, bAdmin));

        asB.get().uri("/api/v1/staff/" + aStaff).exchange().expectStatus().isNotFound();
        asB.patch()
                .uri("/api/v1/staff/" + aStaff)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("disabled", true))
                .exchange()
                .expectStatus()
                .isNotFound();
        asB.get()
                .uri("/api/v1/staff")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[*].email")
                .value(emails -> assertThat((List<String>) emails).containsExactly(bAdmin));
        asB.get()
                .uri("/api/v1/subscribers/" + aSubscriber)
                .exchange()
                .expectStatus()
                .isNotFound();
        asB.get()
                .uri("/api/v1/subscribers/" + aSubscriber + "/diagnosis")
                .exchange()
                .expectStatus()
                .isNotFound();
        asB.post()
                .uri("/api/v1/subscribers/" + aSubscriber + "/reminders")
                .exchange()
                .expectStatus()
                .isNotFound();
        asB.get()
                .uri("/api/v1/subscribers?q=A-1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);
        asB.get()
                .uri("/api/v1/dashboard")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.subscribersByState.ACTIVE")
                .isEqualTo(0);
        a.client()
                .get()
                .uri("/api/v1/staff/" + aStaff)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void dashboardFiltersAndRemindersServeTheAdminUi() {
        TestWorkspace w = workspaces.create();
        String late = BillingFixtures.subscriber(w, "D-1", Map.of("name", "Late Payer", "email", "late@example.net"));
        BillingFixtures.subscriber(w, "D-2", Map.of("name", "On Time"));
        BillingFixtures.invoice(w, late, "INV-D-1", "42.50", LocalDate.now().minusDays(40));
        w.client()
                .post()
                .uri("/api/v1/subscribers/" + late + "/suspend")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "check"))
                .exchange()
                .expectStatus()
                .isOk();
        w.client()
                .post()
                .uri("/api/v1/subscribers/" + late + "/restore")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "checked"))
                .exchange()
                .expectStatus()
                .isOk();

        w.client()
                .get()
                .uri("/api/v1/dashboard")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.currency")
                .isEqualTo("EUR")
                .jsonPath("$.overdue.amount")
                .isEqualTo(42.5)
                .jsonPath("$.overdue.subscribers")
                .isEqualTo(1)
                .jsonPath("$.today.restored")
                .isNumber()
                .jsonPath("$.gateways")
                .isArray()
                .jsonPath("$.gateways[*].subscribers")
                .doesNotExist()
                .jsonPath("$.enforcementFailures")
                .isArray();
        w.client()
                .get()
                .uri("/api/v1/subscribers?overdue=true")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[*].accountNumber")
                .value(n -> assertThat((List<String>) n).containsExactly("D-1"));
        w.client()
                .get()
                .uri("/api/v1/subscribers?q=TIME")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[*].accountNumber")
                .value(n -> assertThat((List<String>) n).containsExactly("D-2"));
        w.client()
                .get()
                .uri("/api/v1/subscribers?limit=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].accountNumber")
                .isEqualTo("D-1")
                .jsonPath("$.nextAfter")
                .isEqualTo(late);
        w.client()
                .get()
                .uri("/api/v1/subscribers?after=" + late)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[*].accountNumber")
                .value(n -> assertThat((List<String>) n).containsExactly("D-2"));

        w.client()
                .get()
                .uri("/api/v1/subscribers/" + late + "/diagnosis")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                // Restoring handed the subscriber back to billing, which blocks them: 40 days overdue.
                .jsonPath("$.state")
                .isEqualTo("BLOCKED")
                .jsonPath("$.restricted")
                .isEqualTo(true)
                .jsonPath("$.reason")
                .isNotEmpty()
                .jsonPath("$.note")
                .value(note -> assertThat((String) note).startsWith("no gateway of region"));
        w.client()
                .post()
                .uri("/api/v1/subscribers/" + late + "/reminders")
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        SettingsFixtures.configure(w, "Dash ISP", w.slug() + ".pay.example.net");
        w.client()
                .post()
                .uri("/api/v1/subscribers/" + late + "/reminders")
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.notifications[0].kind")
                .isEqualTo("REMINDER");
        w.client()
                .post()
                .uri("/api/v1/workspace/test-mail")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("to", "not an address"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("to");
    }

    private static WebTestClient.ResponseSpec signUp(TestWorkspace any, String slug, String email) {
        return any.api()
                .anonymous()
                .post()
                .uri("/api/v1/onboarding")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "ispName",
                        "ISP " + slug,
                        "slug",
                        slug,
                        "currency",
                        "EUR",
                        "ownerName",
                        "Olga Owner",
                        "ownerEmail",
                        email,
                        "password",
                        PASSWORD))
                .exchange();
    }

    private static WebTestClient.ResponseSpec addStaff(WebTestClient client, String role) {
        return addStaff(client, email(), role);
    }

    private static WebTestClient.ResponseSpec addStaff(WebTestClient client, String email, String role) {
        return client.post()
                .uri("/api/v1/staff")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "displayName", "Staff " + role, "role", role, "password", PASSWORD))
                .exchange();
    }

    private static WebTestClient.ResponseSpec signInRequest(TestWorkspace w, String email, String password) {
        return w.api()
                .anonymous()
                .post()
                .uri("/api/v1/staff/sign-in")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }

    private static String signIn(TestWorkspace w, String email) {
        return JsonPath.read(
                body(signInRequest(w, email, PASSWORD).expectStatus().isOk()), "$.accessToken");
    }

    private static String body(WebTestClient.ResponseSpec response) {
        return response.expectBody(String.class).returnResult().getResponseBody();
    }

    private static String email() {
        return "staff-" + UUID.randomUUID().toString().substring(0, 12) + "@example.net";
    }
}
