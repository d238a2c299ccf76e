package io.reroute.platform.apiclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.reroute.platform.security.ApiScope;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.TestWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@PlatformIntegrationTest
class ApiClientsIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    @Test
    void createdClientShowsItsSecretOnceAndCanGetTokens() {
        TestWorkspace w = workspaces.create();
        String created = create(w.client(), "Billing sync", "workspace:read", "allowlist:read")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Cache-Control", "no-store")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String id = JsonPath.read(created, "$.id");
        String clientId = JsonPath.read(created, "$.clientId");
        String secret = JsonPath.read(created, "$.clientSecret");
        assertThat(secret).startsWith("rs_").hasSizeGreaterThan(40);

        String shown = w.client()
                .get()
                .uri("/api/v1/api-clients/" + id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(shown).doesNotContain(secret).doesNotContain("clientSecret").doesNotContain("secretHash");
        assertThat((List<String>) JsonPath.read(shown, "$.scopes")).containsExactly("WORKSPACE_READ", "ALLOWLIST_READ");

        String token = w.api().token(clientId, secret, null);
        w.api()
                .withToken(token)
                .get()
                .uri("/api/v1/workspace")
                .exchange()
                .expectStatus()
                .isOk();
        w.api()
                .withToken(token)
                .get()
                .uri("/api/v1/api-clients")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aClientCannotGrantScopesItDoesNotHold() {
        TestWorkspace w = workspaces.create();
        create(w.api().withToken(w.token(ApiScope.API_CLIENTS_WRITE)), "escalation", "workspace:write")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("scopes");
        create(w.client(), "typo", "workspace:reed").expectStatus().isBadRequest();
        w.client()
                .get()
                .uri("/api/v1/api-clients")
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1);
    }

    @Test
    void revokingStopsIssuedTokensAtOnceAndNewTokens() {
        TestWorkspace w = workspaces.create();
        String created = create(w.client(), "leaked", "workspace:read")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String id = JsonPath.read(created, "$.id");
        String clientId = JsonPath.read(created, "$.clientId");
        String secret = JsonPath.read(created, "$.clientSecret");
        String token = w.api().token(clientId, secret, null);

        w.client()
                .delete()
                .uri("/api/v1/api-clients/" + id)
                .exchange()
                .expectStatus()
                .isNoContent();
        w.client()
                .delete()
                .uri("/api/v1/api-clients/" + id)
                .exchange()
                .expectStatus()
                .isNoContent();

        w.api()
                .withToken(token)
                .get()
                .uri("/api/v1/workspace")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("revoked"));
        w.api()
                .requestToken(clientId, secret, "grant_type", "client_credentials")
                .expectStatus()
                .isUnauthorized();
        w.client()
                .get()
                .uri("/api/v1/api-clients/" + id)
                .exchange()
                .expectBody()
                .jsonPath("$.revokedAt")
                .isNotEmpty();
        w.client()
                .get()
                .uri("/api/v1/workspace/audit-events")
                .exchange()
                .expectBody()
                .jsonPath("$.items[0].action")
                .isEqualTo("api-client.revoked");
    }

    @Test
    void listIsPaged() {
        TestWorkspace w = workspaces.create();
        for (int i = 0; i < 3; i++) {
            create(w.client(), "client " + i, "workspace:read").expectStatus().isCreated();
        }
        String first = w.client()
                .get()
                .uri("/api/v1/api-clients?limit=2")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat((List<?>) JsonPath.read(first, "$.items")).hasSize(2);
        String after = JsonPath.read(first, "$.nextAfter");
        w.client()
                .get()
                .uri("/api/v1/api-clients?limit=2&after=" + after)
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(2)
                .jsonPath("$.nextAfter")
                .isEqualTo(null);
        w.client()
                .get()
                .uri("/api/v1/api-clients?limit=0")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    private static WebTestClient.ResponseSpec create(WebTestClient client, String name, String... scopes) {
        return client.post()
                .uri("/api/v1/api-clients")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "scopes", List.of(scopes)))
                .exchange();
    }
}
