package io.reroute.portalui.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.reroute.portalui.session.PortalSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

class PlatformApiTest {

    private HttpServer server;
    private PlatformApi api;
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    record State(String state, long stateVersion) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var headers = exchange.getRequestHeaders();
            seen.put("authorization", String.valueOf(headers.getFirst("Authorization")));
            seen.put("session", String.valueOf(headers.getFirst("X-Portal-Session")));
            seen.put("host", String.valueOf(headers.getFirst("X-Portal-Host")));
            String path = exchange.getRequestURI().getPath();
            int status;
            String type = "application/problem+json";
            String body;
            switch (path) {
                case "/internal/portal/account/state" -> {
                    status = 200;
                    type = "application/json";
                    body = "{\"state\":\"BLOCKED\",\"stateVersion\":7,\"since\":\"2026-11-21T10:00:00Z\"}";
                }
                case "/internal/portal/account" -> {
                    status = 422;
                    body = "{\"type\":\"urn:reroute:problem:portal-session-ended\",\"title\":\"Portal session ended\","
                            + "\"status\":422,\"detail\":\"the session is unknown or over\"}";
                }
                case "/internal/portal/sessions" -> {
                    status = 422;
                    body = "{\"type\":\"urn:reroute:problem:link-rejected\",\"title\":\"Link rejected\","
                            + "\"status\":422,\"detail\":\"expired\",\"reason\":\"EXPIRED\"}";
                }
                case "/internal/portal/checkouts" -> {
                    status = 409;
                    body = "{\"type\":\"urn:reroute:problem:conflict\",\"title\":\"Conflict\",\"status\":409,"
                            + "\"detail\":\"there is nothing to pay\"}";
                }
                case "/internal/portal/broken" -> {
                    status = 500;
                    type = "text/html";
                    body = "<html>oops</html>";
                }
                default -> {
                    status = 404;
                    body = "{\"type\":\"urn:reroute:problem:not-found\",\"title\":\"Not found\",\"status\":404}";
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        api = new PlatformApi(
                RestClient.builder(),
                new PlatformProperties(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "s3cret"),
                JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void callsAsThePortalWithTheSubscribersSessionAndHost() {
        var state = api.get("/internal/portal/account/state")
                .session(new PortalSession("pay.example.net", "sess-1"))
                .as(State.class);
        assertThat(state).isEqualTo(new State("BLOCKED", 7));
        assertThat(seen.get("authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString("portal:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(seen).containsEntry("session", "sess-1").containsEntry("host", "pay.example.net");
    }

    @Test
    void anEndedSessionIsItsOwnException() {
        assertThatThrownBy(() -> api.get("/internal/portal/account")
                        .session(new PortalSession("pay.example.net", "gone"))
                        .as(State.class))
                .isInstanceOf(SessionEndedException.class);
    }

    @Test
    void problemsKeepTypeDetailAndReason() {
        assertThatThrownBy(() -> api.post("/internal/portal/sessions")
                        .body(Map.of("host", "pay.example.net", "token", "t"))
                        .as(State.class))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.is(ApiProblem.LINK_REJECTED)).isTrue();
                    assertThat(problem.reason()).isEqualTo("EXPIRED");
                    assertThat(problem.status()).isEqualTo(422);
                });
        assertThatThrownBy(() -> api.post("/internal/portal/checkouts")
                        .body(Map.of("purpose", "PAY"))
                        .as(State.class))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(409);
                    assertThat(problem.getMessage()).isEqualTo("there is nothing to pay");
                });
        assertThatThrownBy(() -> api.get("/internal/portal/hosts/{host}", "nobody.example.net")
                        .as(State.class))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status())
                        .isEqualTo(404));
    }

    @Test
    void failuresWithoutAProblemAndUnreachablePlatformAreUnavailable() {
        assertThatThrownBy(() -> api.get("/internal/portal/broken").as(State.class))
                .isInstanceOf(PlatformUnavailableException.class);
        server.stop(0);
        assertThatThrownBy(() -> api.get("/internal/portal/account/state").as(State.class))
                .isInstanceOf(PlatformUnavailableException.class);
    }

    @Test
    void theSecretNeverShowsInToString() {
        assertThat(new PlatformProperties(URI.create("http://platform"), "s3cret").toString())
                .doesNotContain("s3cret");
        assertThat(new PortalSession("pay.example.net", "sess-1").toString()).doesNotContain("sess-1");
    }
}
