package io.reroute.platform.link;

import static io.reroute.platform.support.BillingFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.jsonwebtoken.Jwts;
import io.reroute.devinfra.TestInfrastructure;
import io.reroute.platform.security.ApiScope;
import io.reroute.platform.support.InternalCredentials;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.MutableClock;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.SettingsFixtures;
import io.reroute.platform.support.TestWorkspace;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every way a reminder link can be refused, each with its own reason, and what a good one opens. */
@PlatformIntegrationTest
class ReminderLinksIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    static TestWorkspace a;
    static TestWorkspace b;
    static String hostA;
    static String hostB;

    @Autowired
    MutableClock clock;

    @Autowired
    WorkspaceTransactions transactions;

    @Autowired
    DatabaseClient db;

    @BeforeAll
    static void twoIsps() {
        a = workspaces.create();
        b = workspaces.create();
        hostA = "pay." + a.slug() + ".example";
        hostB = "pay." + b.slug() + ".example";
        SettingsFixtures.configure(a, "ISP A", hostA);
        SettingsFixtures.configure(b, "ISP B", hostB);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aValidLinkOpensItsSubscriberOnItsOwnHost() {
        String subscriber = subscriber(a, "L-OK");
        String body = issue(a, subscriber, "PAY", null)
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String token = JsonPath.read(body, "$.token");
        assertThat(JsonPath.<String>read(body, "$.url")).isEqualTo("https://" + hostA + "/link/" + token);

        verify(token, hostA.toUpperCase(), "PAY")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.workspaceId")
                .isEqualTo(a.id().toString())
                .jsonPath("$.subscriberId")
                .isEqualTo(subscriber)
                .jsonPath("$.accountNumber")
                .isEqualTo("L-OK")
                .jsonPath("$.purpose")
                .isEqualTo("PAY");
    }

    @Test
    void everyRejectionHasItsOwnReason() throws Exception {
        String subscriber = subscriber(a, "L-BAD");
        String pay = token(a, subscriber, "PAY", null);

        rejected(verify("not-a-token", hostA, "PAY"), "MALFORMED");
        rejected(verify(pay, "unknown-" + UUID.randomUUID() + ".example", "PAY"), "UNKNOWN_HOST");
        rejected(verify(pay, hostB, "PAY"), "FOREIGN_HOST");
        rejected(verify(token(a, subscriber, "TOP_UP", null), hostA, "PAY"), "WRONG_PURPOSE");

        String[] parts = pay.split("\\.");
        String otherClaims = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("L-BAD", "L-EVE")
                        .getBytes(StandardCharsets.UTF_8));
        rejected(verify(parts[0] + "." + otherClaims + "." + parts[2], hostA, "PAY"), "BAD_SIGNATURE");

        String forged = Jwts.builder()
                .header()
                .keyId("unknownkey0123456789")
                .and()
                .subject(subscriber)
                .claim("ws", a.id().toString())
                .signWith(new SecretKeySpec(new byte[32], "HmacSHA256"), Jwts.SIG.HS256)
                .compact();
        rejected(verify(forged, hostA, "PAY"), "UNKNOWN_KEY");

        String shortLived = token(a, subscriber, "PAY", "PT1H");
        clock.shift(Duration.ofHours(2));
        rejected(verify(shortLived, hostA, "PAY"), "EXPIRED");
        clock.reset();

        String renamed = token(a, subscriber(a, "L-RENAMED"), "PAY", null);
        asOwner("UPDATE subscriber SET account_number = 'L-RENAMED-2' WHERE account_number = 'L-RENAMED'");
        rejected(verify(renamed, hostA, "PAY"), "SUBSCRIBER_MISMATCH");
    }

    @Test
    void rotatedKeysKeepVerifyingUntilRetiredAndAreSealedAtRest() throws Exception {
        String subscriber = subscriber(a, "L-ROT");
        String before = token(a, subscriber, "PAY", null);
        String oldKid = kid(before);

        String rotated = a.client()
                .post()
                .uri("/api/v1/workspace/link-keys")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String newKid = JsonPath.read(rotated, "$.kid");
        String after = token(a, subscriber, "PAY", null);
        assertThat(kid(after)).isEqualTo(newKid).isNotEqualTo(oldKid);
        verify(before, hostA, "PAY").expectStatus().isOk();
        verify(after, hostA, "PAY").expectStatus().isOk();

        a.client()
                .get()
                .uri("/api/v1/workspace/link-keys")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].kid")
                .isEqualTo(newKid)
                .jsonPath("$[0].active")
                .isEqualTo(true)
                .jsonPath("$[?(@.kid == '" + oldKid + "')].active")
                .isEqualTo(java.util.List.of(false))
                .jsonPath("$[0].secret")
                .doesNotExist();

        a.client()
                .post()
                .uri("/api/v1/workspace/link-keys/" + oldKid + "/retire")
                .exchange()
                .expectStatus()
                .isOk();
        rejected(verify(before, hostA, "PAY"), "RETIRED_KEY");
        verify(after, hostA, "PAY").expectStatus().isOk();

        String sealed = transactions
                .inWorkspace(a.id(), () -> db.sql("SELECT secret_sealed FROM link_signing_key WHERE kid = :kid")
                        .bind("kid", newKid)
                        .map(row -> row.get("secret_sealed", String.class))
                        .one())
                .block();
        assertThat(sealed).startsWith("v1:");
    }

    @Test
    void keysAndSubscribersOfAnotherWorkspaceAreNotFound() {
        String subscriberOfB = subscriber(b, "L-B");
        String kidOfB = kid(token(b, subscriberOfB, "PAY", null));

        issue(a, subscriberOfB, "PAY", null).expectStatus().isNotFound();
        a.client()
                .post()
                .uri("/api/v1/workspace/link-keys/" + kidOfB + "/retire")
                .exchange()
                .expectStatus()
                .isNotFound();
        a.client()
                .get()
                .uri("/api/v1/workspace/link-keys")
                .exchange()
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain(kidOfB));
    }

    @Test
    void onlyThePortalMayVerifyAndBadRequestsAreClear() {
        a.api()
                .anonymous()
                .post()
                .uri("/internal/reminder-links/verify")
                .header(
                        HttpHeaders.AUTHORIZATION,
                        InternalCredentials.gateway("eu-west", InternalCredentials.EU_WEST_GATEWAY_SECRET))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", "x", "host", hostA, "purpose", "PAY"))
                .exchange()
                .expectStatus()
                .isForbidden();
        issue(a, subscriber(a, "L-TTL"), "PAY", "P400D")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("ttl");
        verify("x", hostA, "LOGIN").expectStatus().isBadRequest();
    }

    @Test
    void keysAndTemplatesNeedWorkspaceScopes() {
        a.api()
                .withToken(a.token(ApiScope.WORKSPACE_READ))
                .post()
                .uri("/api/v1/workspace/link-keys")
                .exchange()
                .expectStatus()
                .isForbidden();
        a.api()
                .withToken(a.token(ApiScope.SUBSCRIBERS_READ))
                .get()
                .uri("/api/v1/workspace/mail-templates")
                .exchange()
                .expectStatus()
                .isForbidden();
        a.api()
                .withToken(a.token(ApiScope.SUBSCRIBERS_READ))
                .post()
                .uri("/api/v1/subscribers/" + UUID.randomUUID() + "/reminder-links")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("purpose", "PAY"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private WebTestClient.ResponseSpec issue(TestWorkspace w, String subscriber, String purpose, String ttl) {
        var body = new java.util.HashMap<String, Object>(Map.of("purpose", purpose));
        if (ttl != null) {
            body.put("ttl", ttl);
        }
        return w.client()
                .post()
                .uri("/api/v1/subscribers/" + subscriber + "/reminder-links")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private String token(TestWorkspace w, String subscriber, String purpose, String ttl) {
        return JsonPath.read(
                issue(w, subscriber, purpose, ttl)
                        .expectStatus()
                        .isCreated()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody(),
                "$.token");
    }

    private WebTestClient.ResponseSpec verify(String token, String host, String purpose) {
        return a.api()
                .anonymous()
                .post()
                .uri("/internal/reminder-links/verify")
                .header(HttpHeaders.AUTHORIZATION, InternalCredentials.portal())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "host", host, "purpose", purpose))
                .exchange();
    }

    private static void rejected(WebTestClient.ResponseSpec response, String reason) {
        response.expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:reroute:problem:link-rejected")
                .jsonPath("$.reason")
                .isEqualTo(reason);
    }

    private static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return JsonPath.read(header, "$.kid");
    }

    private static void asOwner(String sql) throws Exception {
        var infrastructure = TestInfrastructure.get();
        try (var connection = DriverManager.getConnection(
                        infrastructure.superuserJdbcUrl(),
                        infrastructure.superuser(),
                        infrastructure.superuserPassword());
                var statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
