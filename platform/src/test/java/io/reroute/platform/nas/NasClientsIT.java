package io.reroute.platform.nas;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.reroute.platform.enforcement.internal.OutboxRelay;
import io.reroute.platform.support.InternalCredentials;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.NasFixtures;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.RegionStreams;
import io.reroute.platform.support.TestWorkspace;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.seal.RegionSeal;
import io.reroute.seal.SealContexts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * NAS clients: registered, replaced and removed through the API, the secret never shown and sealed
 * at rest, and every change on the region's stream for its gateways with the secret sealed for them.
 */
@PlatformIntegrationTest
class NasClientsIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    @Autowired
    OutboxRelay relay;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    DatabaseClient db;

    @Autowired
    WorkspaceTransactions transactions;

    @Test
    void registersWithDefaultsAndNeverShowsTheSecret() {
        TestWorkspace isp = workspaces.create("eu-west");
        String address = NasFixtures.randomAddress();

        String body = isp.client()
                .post()
                .uri("/api/v1/nas-clients")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", " Core BRAS ", "address", address, "secret", NasFixtures.SECRET))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(body).doesNotContain(NasFixtures.SECRET).doesNotContain("secret");
        assertThat(JsonPath.<String>read(body, "$.name")).isEqualTo("Core BRAS");
        assertThat(JsonPath.<String>read(body, "$.address")).isEqualTo(address);
        assertThat(JsonPath.<Integer>read(body, "$.coaPort")).isEqualTo(3799);
        assertThat(JsonPath.<String>read(body, "$.vendor")).isEqualTo("MIKROTIK");
        assertThat(JsonPath.<Boolean>read(body, "$.requireMessageAuthenticator"))
                .isTrue();
        String id = JsonPath.read(body, "$.id");
        String stored = transactions
                .inWorkspace(isp.id(), () -> db.sql("SELECT secret_sealed FROM nas_client WHERE id = :id")
                        .bind("id", UUID.fromString(id))
                        .map(row -> row.get("secret_sealed", String.class))
                        .one())
                .block();
        assertThat(stored).as("sealed at rest").startsWith("v1:").doesNotContain(NasFixtures.SECRET);
        assertThat(isp.get("/api/v1/nas-clients")).doesNotContain(NasFixtures.SECRET);
        assertThat(isp.get("/api/v1/workspace/audit-events"))
                .contains("nas-client.created")
                .doesNotContain(NasFixtures.SECRET);
    }

    @Test
    void replacesKeepingTheSecretUnlessGivenAndDeletes() {
        TestWorkspace isp = workspaces.create("eu-west");
        String id = NasFixtures.register(isp, "tower-1", NasFixtures.randomAddress());
        String newAddress = NasFixtures.randomAddress();

        isp.client()
                .put()
                .uri("/api/v1/nas-clients/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "name",
                        "tower-1",
                        "address",
                        newAddress,
                        "coaPort",
                        1700,
                        "vendor",
                        "GENERIC",
                        "requireMessageAuthenticator",
                        false))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.address")
                .isEqualTo(newAddress)
                .jsonPath("$.coaPort")
                .isEqualTo(1700)
                .jsonPath("$.requireMessageAuthenticator")
                .isEqualTo(false);
        relay.relayAll().block();
        Map<String, Object> nas = lastNasView(isp, "eu-west").getFirst();
        assertThat(RegionSeal.of("eu-west", InternalCredentials.EU_WEST_GATEWAY_SECRET)
                        .open(
                                (String) nas.get("sealedSecret"),
                                SealContexts.nasSecret(isp.id().value(), UUID.fromString(id))))
                .as("the secret was kept")
                .isEqualTo(NasFixtures.SECRET);

        isp.client()
                .delete()
                .uri("/api/v1/nas-clients/" + id)
                .exchange()
                .expectStatus()
                .isNoContent();
        isp.client()
                .get()
                .uri("/api/v1/nas-clients/" + id)
                .exchange()
                .expectStatus()
                .isNotFound();
        relay.relayAll().block();
        assertThat(lastNasView(isp, "eu-west")).isEmpty();
        assertThat(isp.get("/api/v1/workspace/audit-events")).contains("nas-client.updated", "nas-client.deleted");
    }

    @Test
    void gatewaysOfTheRegionGetTheSecretSealedForThemAlone() {
        TestWorkspace isp = workspaces.create("eu-west");
        String id = NasFixtures.register(isp, "edge", NasFixtures.randomAddress());
        relay.relayAll().block();

        List<Map<String, Object>> view = lastNasView(isp, "eu-west");
        assertThat(view).singleElement().satisfies(nas -> {
            assertThat(nas).containsEntry("id", id).containsEntry("coaPort", 3799);
            assertThat((String) nas.get("sealedSecret")).doesNotContain(NasFixtures.SECRET);
        });
        String sealed = (String) view.getFirst().get("sealedSecret");
        String context = SealContexts.nasSecret(isp.id().value(), UUID.fromString(id));
        assertThat(RegionSeal.of("eu-west", InternalCredentials.EU_WEST_GATEWAY_SECRET)
                        .open(sealed, context))
                .isEqualTo(NasFixtures.SECRET);
        assertThat(opens(RegionSeal.of("us-east", InternalCredentials.US_EAST_GATEWAY_SECRET), sealed, context))
                .as("another region's gateways cannot open it")
                .isFalse();
        assertThat(String.join(
                        "\n",
                        RegionStreams.entries(redis, "eu-west").stream()
                                .map(e -> e.fields().toString())
                                .toList()))
                .doesNotContain(NasFixtures.SECRET);
    }

    @Test
    void anAddressBelongsToOneWorkspacePerRegion() {
        TestWorkspace first = workspaces.create("eu-west");
        TestWorkspace second = workspaces.create("eu-west");
        TestWorkspace elsewhere = workspaces.create("us-east");
        String address = NasFixtures.randomAddress();
        NasFixtures.register(first, "bras", address);

        register(second, Map.of("name", "bras", "address", address, "secret", NasFixtures.SECRET))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("address " + address + " is already registered as a NAS client");
        NasFixtures.register(elsewhere, "bras", address);
        register(first, Map.of("name", "BRAS", "address", NasFixtures.randomAddress(), "secret", NasFixtures.SECRET))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("a NAS client named 'BRAS' already exists");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "address | 10.0.0.0/24 | must be one host address, not a network",
                "address | 0.0.0.0 | must be a unicast host address",
                "address | 224.0.0.1 | must be a unicast host address",
                "address | nas.example | 'nas.example' is not an IP address",
                "secret | short | size must be between 16 and 128",
                "secret | \" padded-secret-value \" | must not start or end with white space",
                "secret | | is required",
                "coaPort | 70000 | must be less than or equal to 65535",
                "vendor | CISCO | ",
            })
    void rejectsBadInputNamingTheField(String field, String value, String message) {
        TestWorkspace isp = workspaces.create("eu-west");
        Map<String, Object> body = new HashMap<>(
                Map.of("name", "bras", "address", NasFixtures.randomAddress(), "secret", NasFixtures.SECRET));
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, field.equals("coaPort") ? Integer.parseInt(value) : value);
        }

        var response = register(isp, body)
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .returnResult();
        String problem = response.getResponseBody();
        if (message != null) {
            assertThat(problem).contains("\"" + field + "\"").contains(message);
        }
        assertThat(isp.get("/api/v1/nas-clients")).contains("\"items\":[]");
    }

    private WebTestClient.ResponseSpec register(TestWorkspace w, Map<String, Object> body) {
        return w.client()
                .post()
                .uri("/api/v1/nas-clients")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** The gateways' view of the workspace in its newest {@code workspace.changed} event: $.workspace.nasClients. */
    private List<Map<String, Object>> lastNasView(TestWorkspace w, String region) {
        return JsonPath.read(RegionStreams.lastWorkspaceChange(redis, region, w.id()), "$.workspace.nasClients");
    }

    private static boolean opens(RegionSeal seal, String sealed, String context) {
        try {
            seal.open(sealed, context);
            return true;
        } catch (RegionSeal.SealException e) {
            return false;
        }
    }
}
