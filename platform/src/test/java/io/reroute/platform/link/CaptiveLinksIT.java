package io.reroute.platform.link;

import static io.reroute.platform.support.BillingFixtures.subscriber;
import static io.reroute.platform.support.InternalCredentials.EU_WEST_GATEWAY_SECRET;
import static io.reroute.platform.support.InternalCredentials.US_EAST_GATEWAY_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.reroute.platform.support.InternalCredentials;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.SettingsFixtures;
import io.reroute.platform.support.TestWorkspace;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Links a gateway signs for its captive redirect: its own region's subscribers only, verifiable by the portal. */
@PlatformIntegrationTest
class CaptiveLinksIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    static TestWorkspace a;
    static TestWorkspace b;
    static TestWorkspace elsewhere;

    @BeforeAll
    static void workspacesInTwoRegions() {
        a = workspaces.create("eu-west");
        b = workspaces.create("eu-west");
        elsewhere = workspaces.create("us-east");
        SettingsFixtures.configure(a, "Captive A", "pay." + a.slug() + ".example");
        SettingsFixtures.configure(b, "Captive B", "pay." + b.slug() + ".example");
        SettingsFixtures.configure(elsewhere, "Captive US", "pay." + elsewhere.slug() + ".example");
    }

    @Test
    void gatewaySignsAPaymentLinkTheCustomerCanOpenOnTheReminderHost() {
        String subscriber = subscriber(a, "CAP-1");
        String body = sign("eu-west", EU_WEST_GATEWAY_SECRET, a, subscriber)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String url = JsonPath.read(body, "$.url");
        assertThat(url).startsWith("https://pay." + a.slug() + ".example/link/");
        assertThat(JsonPath.<String>read(body, "$.purpose")).isEqualTo("PAY");

        a.api()
                .anonymous()
                .post()
                .uri("/internal/reminder-links/verify")
                .header(HttpHeaders.AUTHORIZATION, InternalCredentials.portal())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "token",
                        url.substring(url.lastIndexOf('/') + 1),
                        "host",
                        "pay." + a.slug() + ".example",
                        "purpose",
                        "PAY"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.subscriberId")
                .isEqualTo(subscriber);
    }

    @Test
    void aGatewayCannotSignForAnotherRegionOrAcrossWorkspaces() {
        String inA = subscriber(a, "CAP-2");
        String inUs = subscriber(elsewhere, "CAP-3");

        // A workspace of another region is unknown to this region's gateway.
        sign("eu-west", EU_WEST_GATEWAY_SECRET, elsewhere, inUs).expectStatus().isNotFound();
        // Another workspace's subscriber, even in the same region, is not found in this one.
        sign("eu-west", EU_WEST_GATEWAY_SECRET, b, inA).expectStatus().isNotFound();
        sign("eu-west", EU_WEST_GATEWAY_SECRET, a, UUID.randomUUID().toString())
                .expectStatus()
                .isNotFound();
        // Another region's secret is no login for this region, and that region's gateway may not use this path.
        sign("eu-west", US_EAST_GATEWAY_SECRET, a, inA).expectStatus().isUnauthorized();
        a.api()
                .anonymous()
                .post()
                .uri("/internal/regions/eu-west/reminder-links")
                .header(HttpHeaders.AUTHORIZATION, InternalCredentials.gateway("us-east", US_EAST_GATEWAY_SECRET))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("workspaceId", a.id().toString(), "subscriberId", inA))
                .exchange()
                .expectStatus()
                .isForbidden();
        a.api()
                .anonymous()
                .post()
                .uri("/internal/regions/eu-west/reminder-links")
                .header(HttpHeaders.AUTHORIZATION, InternalCredentials.portal())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("workspaceId", a.id().toString(), "subscriberId", inA))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aMalformedRequestIsAProblem() {
        a.api()
                .anonymous()
                .post()
                .uri("/internal/regions/eu-west/reminder-links")
                .header(HttpHeaders.AUTHORIZATION, InternalCredentials.gateway("eu-west", EU_WEST_GATEWAY_SECRET))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("workspaceId", "not-a-uuid"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static WebTestClient.ResponseSpec sign(
            String region, String secret, TestWorkspace workspace, String subscriber) {
        return workspace
                .api()
                .anonymous()
                .post()
                .uri("/internal/regions/{region}/reminder-links", region)
                .header(HttpHeaders.AUTHORIZATION, InternalCredentials.gateway(region, secret))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("workspaceId", workspace.id().toString(), "subscriberId", subscriber))
                .exchange();
    }
}
