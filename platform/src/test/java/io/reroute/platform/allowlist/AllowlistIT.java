package io.reroute.platform.allowlist;

import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.TestWorkspace;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@PlatformIntegrationTest
class AllowlistIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    @ParameterizedTest
    @CsvSource({
        "Checkout.Stripe.COM.,  checkout.stripe.com, HOST",
        "*.stripe.com,          *.stripe.com,        WILDCARD",
        "*.bücher.example,      *.xn--bcher-kva.example, WILDCARD",
        "203.0.113.0/24,        203.0.113.0/24,      CIDR",
        "198.51.100.7,          198.51.100.7/32,     CIDR",
        "2001:DB8:0::/32,       2001:db8::/32,       CIDR"
    })
    void storesEntriesInCanonicalForm(String input, String stored, String type) {
        var w = workspaces.create();
        String location = add(w, input, "PAYMENT")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.value")
                .isEqualTo(stored)
                .jsonPath("$.matchType")
                .isEqualTo(type)
                .jsonPath("$.kind")
                .isEqualTo("PAYMENT")
                .returnResult()
                .getResponseHeaders()
                .getLocation()
                .getPath();
        w.client()
                .get()
                .uri(location)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.value")
                .isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*.com",
                "pay*.stripe.com",
                "*",
                "stripe",
                "exa mple.com",
                "-bad.example",
                "300.1.1.1",
                "10.1.2.3/8",
                "10.0.0.0/33",
                "2001:db8::/129",
                "fe80::1%eth0",
                "a..b.example",
                "1.2.3.4/x"
            })
    void rejectsInvalidPatternsWithAClearMessage(String input) {
        var w = workspaces.create();
        add(w, input, "CUSTOM")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("value")
                .jsonPath("$.errors[0].message")
                .isNotEmpty();
        list(w).jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void rejectsUnknownKindAndMissingValue() {
        var w = workspaces.create();
        add(w, "pay.example.net", "SOMETIMES").expectStatus().isBadRequest();
        w.client()
                .post()
                .uri("/api/v1/workspace/allowlist")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "CUSTOM"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("value");
        list(w).jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void duplicateIsAConflictEvenWrittenDifferently() {
        var w = workspaces.create();
        add(w, "portal.isp.example", "PORTAL").expectStatus().isCreated();
        add(w, "PORTAL.isp.example.", "SUPPORT")
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        list(w).jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void deleteRemovesTheEntryAndIsAudited() {
        var w = workspaces.create();
        String id = w.create("/api/v1/workspace/allowlist", Map.of("value", "help.isp.example", "kind", "SUPPORT"));
        w.client()
                .delete()
                .uri("/api/v1/workspace/allowlist/" + id)
                .exchange()
                .expectStatus()
                .isNoContent();
        w.client()
                .get()
                .uri("/api/v1/workspace/allowlist/" + id)
                .exchange()
                .expectStatus()
                .isNotFound();
        w.client()
                .delete()
                .uri("/api/v1/workspace/allowlist/" + id)
                .exchange()
                .expectStatus()
                .isNotFound();
        w.client()
                .get()
                .uri("/api/v1/workspace/audit-events")
                .exchange()
                .expectBody()
                .jsonPath("$.items[0].action")
                .isEqualTo("allowlist.entry.removed")
                .jsonPath("$.items[1].action")
                .isEqualTo("allowlist.entry.added")
                .jsonPath("$.items[0].changes.value")
                .isEqualTo("help.isp.example");
    }

    @Test
    void malformedIdIsABadRequest() {
        var w = workspaces.create();
        w.client()
                .get()
                .uri("/api/v1/workspace/allowlist/not-a-uuid")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static WebTestClient.ResponseSpec add(TestWorkspace w, String value, String kind) {
        return w.client()
                .post()
                .uri("/api/v1/workspace/allowlist")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("value", value, "kind", kind))
                .exchange();
    }

    private static WebTestClient.BodyContentSpec list(TestWorkspace w) {
        return w.client()
                .get()
                .uri("/api/v1/workspace/allowlist")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }
}
