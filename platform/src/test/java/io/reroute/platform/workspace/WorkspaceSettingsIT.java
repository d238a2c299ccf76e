package io.reroute.platform.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.TestWorkspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@PlatformIntegrationTest
class WorkspaceSettingsIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    static TestWorkspace workspace;

    @BeforeAll
    static void createWorkspace() {
        workspace = workspaces.create();
    }

    static Map<String, Object> validSettings(String reminderHost) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("displayName", "Fibre North");
        settings.put(
                "branding",
                Map.of(
                        "logoUrl", "https://cdn.fibrenorth.example/logo.svg",
                        "primaryColor", "#0055AA",
                        "accentColor", "#ffaa00",
                        "title", "Fibre North",
                        "message", "Your account has an overdue balance.",
                        "buttonLabel", "Pay Now",
                        "note", "Questions? Call 0800 123 456"));
        settings.put("reminderHost", reminderHost);
        settings.put("landing", Map.of("ipv4", "203.0.113.10", "ipv6", "2001:DB8::10"));
        settings.put("mail", Map.of("fromName", "Fibre North Billing", "fromAddress", "billing@fibrenorth.example"));
        settings.put(
                "thresholds", Map.of("reminderAfterDays", 3, "blockAfterDays", 10, "minimumAmountToBlock", "15.00"));
        return settings;
    }

    @Test
    void newWorkspaceHasDefaultSettings() {
        workspace
                .client()
                .get()
                .uri("/api/v1/workspace/settings")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists("ETag")
                .expectBody()
                .jsonPath("$.branding.buttonLabel")
                .isEqualTo("Pay Now")
                .jsonPath("$.thresholds.blockAfterDays")
                .isEqualTo(14);
    }

    @Test
    void updateStoresCanonicalValuesBumpsTheVersionAndIsAudited() {
        var w = workspaces.create();
        String etag = w.client()
                .get()
                .uri("/api/v1/workspace/settings")
                .exchange()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        w.client()
                .put()
                .uri("/api/v1/workspace/settings")
                .header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(validSettings("Pay.FibreNorth.Example."))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"2\"")
                .expectBody()
                .jsonPath("$.reminderHost")
                .isEqualTo("pay.fibrenorth.example")
                .jsonPath("$.landing.ipv6")
                .isEqualTo("2001:db8::10")
                .jsonPath("$.branding.primaryColor")
                .isEqualTo("#0055aa")
                .jsonPath("$.displayName")
                .isEqualTo("Fibre North");

        w.client()
                .get()
                .uri("/api/v1/workspace")
                .exchange()
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("Fibre North");
        w.client()
                .get()
                .uri("/api/v1/workspace/audit-events")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].action")
                .isEqualTo("workspace.settings.updated")
                .jsonPath("$.items[0].actor")
                .isEqualTo(w.clientId())
                .jsonPath("$.items[0].changes['reminderHost'].to")
                .isEqualTo("pay.fibrenorth.example")
                .jsonPath("$.items[0].changes['branding.title'].from")
                .isEqualTo("ISP " + w.slug());
    }

    @Test
    void staleIfMatchIsRejectedAndNothingChanges() {
        var w = workspaces.create();
        w.client()
                .put()
                .uri("/api/v1/workspace/settings")
                .header("If-Match", "\"7\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(validSettings(null))
                .exchange()
                .expectStatus()
                .isEqualTo(412)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertUnchanged(w);
    }

    @Test
    void reminderHostOfAnotherWorkspaceIsAConflict() {
        var first = workspaces.create();
        var second = workspaces.create();
        String host = "pay." + first.slug() + ".example";
        first.client()
                .put()
                .uri("/api/v1/workspace/settings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(validSettings(host))
                .exchange()
                .expectStatus()
                .isOk();
        second.client()
                .put()
                .uri("/api/v1/workspace/settings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(validSettings(host.toUpperCase()))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("already used"));
        assertUnchanged(second);
    }

    @Test
    void radiusProfileIsStoredAndAbsentMeansTheDefaults() {
        var w = workspaces.create();
        Map<String, Object> settings = validSettings("pay." + w.slug() + ".example");
        settings.put(
                "radius",
                Map.of(
                        "restrictedAddressList", "unpaid",
                        "restrictedRateLimit", "256k/512k",
                        "restrictedPool", "expired-pool",
                        "interimIntervalSeconds", 600));
        put(w.client(), settings)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.radius.restrictedAddressList")
                .isEqualTo("unpaid")
                .jsonPath("$.radius.restrictedRateLimit")
                .isEqualTo("256k/512k")
                .jsonPath("$.radius.restrictedPool")
                .isEqualTo("expired-pool")
                .jsonPath("$.radius.interimIntervalSeconds")
                .isEqualTo(600);

        settings.remove("radius");
        put(w.client(), settings)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.radius.restrictedAddressList")
                .isEqualTo("reroute-restricted")
                .jsonPath("$.radius.restrictedRateLimit")
                .isEqualTo("1M/1M")
                .jsonPath("$.radius.restrictedPool")
                .doesNotExist()
                .jsonPath("$.radius.interimIntervalSeconds")
                .isEqualTo(300);

        settings.put(
                "radius",
                Map.of(
                        "restrictedAddressList", "bad list!",
                        "restrictedRateLimit", "fast",
                        "interimIntervalSeconds", 5));
        put(w.client(), settings)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<String>) fields)
                        .containsExactlyInAnyOrder(
                                "radius.restrictedAddressList",
                                "radius.restrictedRateLimit",
                                "radius.interimIntervalSeconds"));
    }

    @Test
    void invalidValuesAreAllReportedAndNothingIsWritten() {
        var w = workspaces.create();
        Map<String, Object> settings = validSettings("not a host");
        settings.put("landing", Map.of("ipv4", "2001:db8::1", "ipv6", "300.1.1.1"));
        settings.put("thresholds", Map.of("reminderAfterDays", 10, "blockAfterDays", 3, "minimumAmountToBlock", "-1"));
        w.client()
                .put()
                .uri("/api/v1/workspace/settings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(settings)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<String>) fields).contains("thresholds.minimumAmountToBlock"));

        settings.put("thresholds", Map.of("reminderAfterDays", 10, "blockAfterDays", 3, "minimumAmountToBlock", "1"));
        w.client()
                .put()
                .uri("/api/v1/workspace/settings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(settings)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<String>) fields)
                        .containsExactlyInAnyOrder(
                                "reminderHost", "landing.ipv4", "landing.ipv6", "thresholds.blockAfterDays"));
        assertUnchanged(w);
    }

    @Test
    void malformedJsonUnknownFieldsAndWrongTypesAreClearBadRequests() {
        put(workspace.client(), "{\"displayName\": ")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Malformed JSON");

        Map<String, Object> withUnknown = validSettings(null);
        withUnknown.put("workspaceId", "00000000-0000-0000-0000-000000000000");
        workspace
                .client()
                .put()
                .uri("/api/v1/workspace/settings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(withUnknown)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("workspaceId")
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat((String) m).contains("unknown field"));

        Map<String, Object> wrongType = validSettings(null);
        wrongType.put(
                "thresholds", Map.of("reminderAfterDays", "soon", "blockAfterDays", 3, "minimumAmountToBlock", 1));
        workspace
                .client()
                .put()
                .uri("/api/v1/workspace/settings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(wrongType)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("thresholds.reminderAfterDays");
        assertUnchanged(workspace);
    }

    @Test
    void oversizedBodiesAreRejected() {
        Map<String, Object> huge = validSettings(null);
        huge.put("displayName", "x".repeat(100_000));
        workspace
                .client()
                .put()
                .uri("/api/v1/workspace/settings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(huge)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertUnchanged(workspace);
    }

    @Test
    void unsupportedMediaTypeAndUnknownRoutesAreProblems() {
        workspace
                .client()
                .put()
                .uri("/api/v1/workspace/settings")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("hello")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        workspace
                .client()
                .get()
                .uri("/api/v1/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static WebTestClient.ResponseSpec put(WebTestClient client, Object body) {
        return client.put()
                .uri("/api/v1/workspace/settings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static void assertUnchanged(TestWorkspace w) {
        w.client()
                .get()
                .uri("/api/v1/workspace/settings")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("ISP " + w.slug());
    }
}
