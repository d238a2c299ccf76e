package io.reroute.platform.token.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Jwts;
import io.reroute.platform.security.ApiScope;
import io.reroute.platform.security.SecurityProperties;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.MutableClock;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.TestWorkspace;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every way a bearer token can be wrong gets a 401 (or 403 for scope) problem document. */
@PlatformIntegrationTest
class BearerTokenIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    static TestWorkspace workspace;

    @Autowired
    SigningKeyStore keys;

    @Autowired
    MutableClock clock;

    @Autowired
    SecurityProperties security;

    @BeforeAll
    static void createWorkspace() {
        workspace = workspaces.create();
    }

    @Test
    void validTokenReadsTheWorkspace() {
        workspace
                .client()
                .get()
                .uri("/api/v1/workspace")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(workspace.id().toString());
    }

    @Test
    void missingTokenIsUnauthorized() {
        expectUnauthorized(workspace.api().anonymous(), "A bearer access token is required.");
    }

    @Test
    void expiredTokenIsUnauthorized() {
        clock.shift(Duration.ofHours(-1));
        String token;
        try {
            token = workspace.token();
        } finally {
            clock.reset();
        }
        expectUnauthorized(workspace.api().withToken(token), "expired");
    }

    @Test
    void tamperedTokenIsUnauthorized() {
        String[] parts = workspace.token().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forged =
                payload.replace(workspace.id().toString(), UUID.randomUUID().toString());
        String token = parts[0] + "."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "." + parts[2];
        expectUnauthorized(workspace.api().withToken(token), "");
    }

    @Test
    void tokenFromAForeignIssuerIsUnauthorized() {
        expectUnauthorized(
                workspace.api().withToken(sign(claims -> claims.put("iss", "https://idp.attacker.example"))), "iss");
    }

    @Test
    void tokenSignedByAnUnknownKeyIsUnauthorized() {
        var foreignKey = Jwts.SIG.ES256.keyPair().build();
        String token = Jwts.builder()
                .header()
                .keyId("not-ours")
                .and()
                .claims(baseClaims())
                .signWith(foreignKey.getPrivate(), Jwts.SIG.ES256)
                .compact();
        expectUnauthorized(workspace.api().withToken(token), "");
    }

    @Test
    void tokenWithoutAWorkspaceOrForAnotherAudienceIsUnauthorized() {
        expectUnauthorized(workspace.api().withToken(sign(claims -> claims.remove("workspace_id"))), "workspace_id");
        expectUnauthorized(
                workspace.api().withToken(sign(claims -> claims.put("workspace_id", "not-a-uuid"))), "workspace_id");
        expectUnauthorized(workspace.api().withToken(sign(claims -> claims.put("aud", "another-api"))), "aud");
    }

    @Test
    void tokenWithoutTheScopeIsForbidden() {
        workspace
                .api()
                .withToken(workspace.token(ApiScope.ALLOWLIST_READ))
                .get()
                .uri("/api/v1/workspace/settings")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer error=\"insufficient_scope\"")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403);

        workspace
                .api()
                .withToken(workspace.token(ApiScope.WORKSPACE_READ))
                .put()
                .uri("/api/v1/workspace/settings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void tokenOfAnotherWorkspaceSeesItsOwnWorkspaceOnly() {
        var other = workspaces.create();
        other.client()
                .get()
                .uri("/api/v1/workspace")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(other.id().toString());
    }

    /** A token signed with the platform's real key, with claims changed by {@code change}. */
    private String sign(Consumer<Map<String, Object>> change) {
        var key = keys.signingKey().block();
        Map<String, Object> claims = baseClaims();
        change.accept(claims);
        return Jwts.builder()
                .header()
                .keyId(key.kid())
                .and()
                .claims(claims)
                .signWith(key.privateKey(), Jwts.SIG.ES256)
                .compact();
    }

    private Map<String, Object> baseClaims() {
        Instant now = Instant.now();
        var claims = new java.util.HashMap<String, Object>();
        claims.put("iss", security.issuer());
        claims.put("sub", workspace.clientId());
        claims.put("aud", "reroute-api");
        claims.put("workspace_id", workspace.id().toString());
        claims.put("scope", "workspace:read");
        claims.put("iat", Date.from(now));
        claims.put("exp", Date.from(now.plusSeconds(300)));
        return claims;
    }

    private static void expectUnauthorized(WebTestClient client, String detailContains) {
        client.get()
                .uri("/api/v1/workspace")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("WWW-Authenticate")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains(detailContains));
    }
}
