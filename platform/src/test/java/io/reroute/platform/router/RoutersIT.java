package io.reroute.platform.router;

import static io.reroute.platform.support.AccountingFixtures.append;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.reroute.platform.enforcement.internal.OutboxRelay;
import io.reroute.platform.session.internal.AccountingConsumer;
import io.reroute.platform.support.InternalCredentials;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.NasFixtures;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.RegionStreams;
import io.reroute.platform.support.RouterFixtures;
import io.reroute.platform.support.SettingsFixtures;
import io.reroute.platform.support.TestWorkspace;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.seal.RegionSeal;
import io.reroute.seal.SealContexts;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Routers: registered with the password sealed at rest and for the region's gateways, the
 * unpaid-flow script, jobs going out on the region's stream and their reports coming back, and
 * another workspace's routers out of reach.
 */
@PlatformIntegrationTest
class RoutersIT {

    private static final String REGION = "eu-west";

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    @Autowired
    OutboxRelay relay;

    @Autowired
    AccountingConsumer consumer;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    DatabaseClient db;

    @Autowired
    WorkspaceTransactions transactions;

    @Autowired
    MeterRegistry meters;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void registersWithDefaultsAndSealsThePasswordForTheRegionsGatewaysOnly() {
        TestWorkspace isp = workspaces.create(REGION);
        String nas = NasFixtures.register(isp, "bras", NasFixtures.randomAddress());

        String body = isp.client()
                .post()
                .uri("/api/v1/routers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "name",
                        " core-1 ",
                        "host",
                        "Core-1.ISP.example",
                        "username",
                        "reroute",
                        "password",
                        RouterFixtures.PASSWORD,
                        "nasId",
                        nas))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(body).doesNotContain(RouterFixtures.PASSWORD).doesNotContain("password");
        assertThat(JsonPath.<String>read(body, "$.name")).isEqualTo("core-1");
        assertThat(JsonPath.<String>read(body, "$.host")).isEqualTo("core-1.isp.example");
        assertThat(JsonPath.<Integer>read(body, "$.port")).isEqualTo(8728);
        assertThat(JsonPath.<Boolean>read(body, "$.tls")).isFalse();
        assertThat(JsonPath.<String>read(body, "$.role")).isEqualTo("ACCESS");
        assertThat(JsonPath.<String>read(body, "$.region")).isEqualTo(REGION);
        assertThat(JsonPath.<String>read(body, "$.nasId")).isEqualTo(nas);
        String id = JsonPath.read(body, "$.id");
        String stored = transactions
                .inWorkspace(isp.id(), () -> db.sql("SELECT password_sealed FROM router WHERE id = :id")
                        .bind("id", UUID.fromString(id))
                        .map(row -> row.get("password_sealed", String.class))
                        .one())
                .block();
        assertThat(stored).as("sealed at rest").startsWith("v1:").doesNotContain(RouterFixtures.PASSWORD);

        relay.relayAll().block();
        Map<String, Object> view = lastRouterView(isp).getFirst();
        assertThat(view).containsEntry("id", id).containsEntry("port", 8728).containsEntry("role", "ACCESS");
        String context = SealContexts.routerPassword(isp.id().value(), UUID.fromString(id));
        assertThat(RegionSeal.of(REGION, InternalCredentials.EU_WEST_GATEWAY_SECRET)
                        .open((String) view.get("sealedPassword"), context))
                .isEqualTo(RouterFixtures.PASSWORD);
        assertThat(RegionStreams.entries(redis, REGION).toString()).doesNotContain(RouterFixtures.PASSWORD);
        assertThat(isp.get("/api/v1/workspace/audit-events"))
                .contains("router.created")
                .doesNotContain(RouterFixtures.PASSWORD);
    }

    @Test
    void replacesKeepingThePasswordUnlessGivenAndDeletes() {
        TestWorkspace isp = workspaces.create(REGION);
        String id = RouterFixtures.register(isp, "edge", "192.0.2.1");

        isp.client()
                .put()
                .uri("/api/v1/routers/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "edge", "host", "192.0.2.2", "tls", true, "username", "api", "role", "EDGE"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.port")
                .isEqualTo(8729)
                .jsonPath("$.role")
                .isEqualTo("EDGE");
        relay.relayAll().block();
        String sealed = (String) lastRouterView(isp).getFirst().get("sealedPassword");
        assertThat(RegionSeal.of(REGION, InternalCredentials.EU_WEST_GATEWAY_SECRET)
                        .open(sealed, SealContexts.routerPassword(isp.id().value(), UUID.fromString(id))))
                .as("the password was kept")
                .isEqualTo(RouterFixtures.PASSWORD);

        isp.client()
                .delete()
                .uri("/api/v1/routers/" + id)
                .exchange()
                .expectStatus()
                .isNoContent();
        isp.client()
                .get()
                .uri("/api/v1/routers/" + id)
                .exchange()
                .expectStatus()
                .isNotFound();
        relay.relayAll().block();
        assertThat(lastRouterView(isp)).isEmpty();
        assertThat(isp.get("/api/v1/workspace/audit-events")).contains("router.updated", "router.deleted");
    }

    @Test
    void theScriptFollowsTheWorkspaceAndNeedsALandingAddress() {
        TestWorkspace isp = workspaces.create(REGION);
        String access = RouterFixtures.register(isp, "core", "192.0.2.1");
        String edge = isp.create(
                "/api/v1/routers",
                Map.of("name", "edge", "host", "192.0.2.2", "username", "u", "password", "p", "role", "EDGE"));

        isp.client()
                .get()
                .uri("/api/v1/routers/" + access + "/script")
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("landing IPv4"));

        SettingsFixtures.configure(isp, "Script Net", "pay." + isp.slug() + ".example");
        isp.create("/api/v1/workspace/allowlist", Map.of("value", "*.stripe.com", "kind", "PAYMENT"));
        String script = script(isp, access);
        assertThat(script)
                .startsWith("# Unpaid flow for router \"core\" (192.0.2.1)")
                .contains("add list=reroute-restricted-allow address=pay." + isp.slug() + ".example")
                .contains("to-addresses=203.0.113.10")
                .contains("tls-host=*.stripe.com")
                .contains("comment=\"reroute:ppp:expired\"");
        assertThat(script(isp, edge)).doesNotContain("/ppp profile").contains("reroute:filter:reject-quic");
    }

    @Test
    void jobsReachTheRegionsGatewaysAndTheirReportsComeBackOnce() {
        TestWorkspace isp = workspaces.create(REGION);
        String router = RouterFixtures.register(isp, "core", "192.0.2.1");

        var accepted = isp.client()
                .post()
                .uri("/api/v1/routers/" + router + "/test")
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(String.class)
                .returnResult();
        String job = JsonPath.read(accepted.getResponseBody(), "$.id");
        assertThat(accepted.getResponseHeaders().getLocation())
                .hasToString("/api/v1/routers/" + router + "/jobs/" + job);
        assertThat(JsonPath.<String>read(accepted.getResponseBody(), "$.status"))
                .isEqualTo("PENDING");
        relay.relayAll().block();
        var message = RegionStreams.entries(redis, REGION).stream()
                .filter(e -> "router.job-requested".equals(e.fields().get("type")))
                .filter(e -> e.fields().get("event").contains(job))
                .findFirst()
                .orElseThrow();
        assertThat(JsonPath.<String>read(message.fields().get("event"), "$.routerId"))
                .isEqualTo(router);
        assertThat(JsonPath.<String>read(message.fields().get("event"), "$.kind"))
                .isEqualTo("TEST");

        String ws = isp.id().toString();
        append(
                redis,
                REGION,
                RouterFixtures.report(ws, router, job, "TEST", true, "{\"identity\":\"core-1\"}", now),
                RouterFixtures.report(ws, router, job, "TEST", false, null, now.plusSeconds(1)));
        drain();

        isp.client()
                .get()
                .uri("/api/v1/routers/" + router + "/jobs/" + job)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("SUCCEEDED")
                .jsonPath("$.result.identity")
                .isEqualTo("core-1");
        isp.client()
                .get()
                .uri("/api/v1/routers/" + router)
                .exchange()
                .expectBody()
                .jsonPath("$.status.identity")
                .isEqualTo("core-1")
                .jsonPath("$.status.routerOsVersion")
                .isEqualTo("7.16.2 (stable)")
                .jsonPath("$.status.lastError")
                .isEqualTo("connection refused");
        isp.client()
                .get()
                .uri("/api/v1/routers/" + router + "/jobs")
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1);
    }

    @Test
    void periodicReconciliationsLeaveTheLatestDriftReport() {
        TestWorkspace isp = workspaces.create(REGION);
        String router = RouterFixtures.register(isp, "core", "192.0.2.1");
        isp.client()
                .get()
                .uri("/api/v1/routers/" + router + "/drift")
                .exchange()
                .expectStatus()
                .isNotFound();
        String ws = isp.id().toString();
        String newer = "{\"drift\":[{\"kind\":\"MISSING\",\"marker\":\"reroute:sub:1\"}],\"fixed\":1}";
        String older = "{\"drift\":[],\"fixed\":0}";

        append(
                redis,
                REGION,
                RouterFixtures.report(ws, router, null, "RECONCILE", true, newer, now),
                RouterFixtures.report(ws, router, null, "RECONCILE", true, older, now.minusSeconds(60)));
        drain();

        isp.client()
                .get()
                .uri("/api/v1/routers/" + router + "/drift")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.report.drift[0].kind")
                .isEqualTo("MISSING")
                .jsonPath("$.report.fixed")
                .isEqualTo(1)
                .jsonPath("$.reconciledAt")
                .isEqualTo(now.toString());
    }

    @Test
    void anotherWorkspacesRoutersAreOutOfReachAndItsReportsAreDropped() {
        TestWorkspace mine = workspaces.create(REGION);
        TestWorkspace theirs = workspaces.create(REGION);
        SettingsFixtures.configure(mine, "Mine", "pay." + mine.slug() + ".example");
        String router = RouterFixtures.register(theirs, "core", "192.0.2.1");

        for (String path : List.of("", "/script", "/jobs", "/drift")) {
            mine.client()
                    .get()
                    .uri("/api/v1/routers/" + router + path)
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
        for (String action : List.of("test", "apply", "reconcile")) {
            mine.client()
                    .post()
                    .uri("/api/v1/routers/" + router + "/" + action)
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
        mine.client()
                .method(HttpMethod.PUT)
                .uri("/api/v1/routers/" + router)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "stolen", "host", "192.0.2.9", "username", "u"))
                .exchange()
                .expectStatus()
                .isNotFound();
        mine.client()
                .delete()
                .uri("/api/v1/routers/" + router)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(mine.get("/api/v1/routers")).doesNotContain(router);
        assertThat(theirs.get("/api/v1/routers")).contains(router).contains("\"name\":\"core\"");

        double before = dropped();
        append(redis, REGION, RouterFixtures.report(mine.id().toString(), router, null, "RECONCILE", true, "{}", now));
        drain();
        assertThat(dropped() - before)
                .as("a report naming another workspace's router")
                .isEqualTo(1);
        theirs.client()
                .get()
                .uri("/api/v1/routers/" + router + "/drift")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "host | not a host! | ",
                "host | | must not be blank",
                "password | | is required",
                "port | 70000 | must be less than or equal to 65535",
                "role | CORE | ",
                "nasId | 00000000-0000-4000-8000-000000000000 | is not a NAS client of this workspace",
            })
    void rejectsBadInputNamingTheField(String field, String value, String message) {
        TestWorkspace isp = workspaces.create(REGION);
        Map<String, Object> body = new HashMap<>(
                Map.of("name", "core", "host", "192.0.2.1", "username", "u", "password", RouterFixtures.PASSWORD));
        if (value == null) {
            body.remove(field);
        } else {
            body.put(field, field.equals("port") ? Integer.parseInt(value) : value);
        }

        String problem = isp.client()
                .post()
                .uri("/api/v1/routers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(problem).contains("\"" + field + "\"");
        if (message != null) {
            assertThat(problem).contains(message);
        }
        assertThat(isp.get("/api/v1/routers")).contains("\"items\":[]");
    }

    private void drain() {
        while (consumer.consume(REGION, null) > 0) {
            // until the group has nothing more for this replica
        }
    }

    private double dropped() {
        var counter = meters.find("reroute.accounting.dropped")
                .tags("region", REGION, "reason", "unknown-router")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String script(TestWorkspace w, String router) {
        return w.client()
                .get()
                .uri("/api/v1/routers/" + router + "/script")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** The gateways' view of the workspace in its newest {@code workspace.changed} event: $.workspace.routers. */
    private List<Map<String, Object>> lastRouterView(TestWorkspace w) {
        return JsonPath.read(RegionStreams.lastWorkspaceChange(redis, REGION, w.id()), "$.workspace.routers");
    }
}
