package io.reroute.platform.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.TestWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@PlatformIntegrationTest
class TokenEndpointIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    static TestWorkspace workspace;

    @BeforeAll
    static void createWorkspace() {
        workspace = workspaces.create();
    }

    @Test
    void issuesSignedTokenCarryingWorkspaceAndScopesWithHttpBasic() throws Exception {
        String token =
                workspace.api().token(workspace.clientId(), workspace.clientSecret(), "workspace:read allowlist:read");

        var jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("workspace_id"))
                .isEqualTo(workspace.id().toString());
        assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("allowlist:read workspace:read");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(workspace.clientId());
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("reroute-api");

        Map<?, ?> jwks = workspace
                .api()
                .anonymous()
                .get()
                .uri("/oauth2/jwks")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((List<?>) jwks.get("keys"))
                .anySatisfy(key -> assertThat(((Map<?, ?>) key).get("kid"))
                        .isEqualTo(jwt.getHeader().getKeyID()))
                .allSatisfy(
                        key -> assertThat(((Map<?, ?>) key).containsKey("d")).isFalse());
    }

    @Test
    void acceptsCredentialsInTheFormBody() {
        workspace
                .api()
                .requestToken(
                        null,
                        null,
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        workspace.clientId(),
                        "client_secret",
                        workspace.clientSecret())
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Cache-Control", "no-store")
                .expectBody()
                .jsonPath("$.token_type")
                .isEqualTo("Bearer")
                .jsonPath("$.expires_in")
                .isEqualTo(600);
    }

    @Test
    void rejectsWrongSecretAndUnknownClientAlike() {
        for (var id : List.of(workspace.clientId(), "rc_does_not_exist")) {
            workspace
                    .api()
                    .requestToken(id, "wrong-secret", "grant_type", "client_credentials")
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .exists("WWW-Authenticate")
                    .expectBody()
                    .jsonPath("$.error")
                    .isEqualTo("invalid_client");
        }
    }

    @Test
    void rejectsOtherGrantsAndScopesTheClientDoesNotHold() {
        workspace
                .api()
                .requestToken(workspace.clientId(), workspace.clientSecret(), "grant_type", "password")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("unsupported_grant_type");
        workspace
                .api()
                .requestToken(
                        workspace.clientId(),
                        workspace.clientSecret(),
                        "grant_type",
                        "client_credentials",
                        "scope",
                        "subscribers:admin")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_scope");
        workspace
                .api()
                .requestToken(null, null, "grant_type", "client_credentials")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_request");
    }

    @Test
    void locksOutAClientAfterRepeatedFailures() {
        var target = workspaces.create();
        for (int i = 0; i < 10; i++) {
            target.api()
                    .requestToken(target.clientId(), "guess-" + i, "grant_type", "client_credentials")
                    .expectStatus()
                    .isUnauthorized();
        }
        target.api()
                .requestToken(target.clientId(), target.clientSecret(), "grant_type", "client_credentials")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists("Retry-After");

        // Other workspaces' clients are unaffected.
        assertThat(workspace.token()).isNotBlank();
    }

    @Test
    void publishesAuthorizationServerMetadata() {
        workspace
                .api()
                .anonymous()
                .get()
                .uri("/.well-known/oauth-authorization-server")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.grant_types_supported[0]")
                .isEqualTo("client_credentials")
                .jsonPath("$.jwks_uri")
                .value(uri -> assertThat((String) uri).endsWith("/oauth2/jwks"));
    }
}
