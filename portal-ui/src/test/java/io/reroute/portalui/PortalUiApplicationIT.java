package io.reroute.portalui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalUiApplicationIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersHealthProbes() throws Exception {
        for (String probe :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            var response = get(probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void theServerRenderedPagesSendAVisitorWithoutASessionOn() throws Exception {
        // "localhost" can be no workspace's reminder host: the neutral page, and no link is taken to the platform.
        var home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(home.body()).contains("id=\"unknown-host\"").doesNotContain("VAADIN");

        var link = get("/link/some.signed.token");
        assertThat(link.statusCode()).isEqualTo(303);
        assertThat(link.headers().firstValue("Location")).hasValue("/link-problem/UNKNOWN_HOST");
        assertThat(link.headers().firstValue("Cache-Control")).hasValue("no-store");

        for (String path : new String[] {"/account", "/pay", "/pay/6f1c1d6e-0c1a-4c61-9d0a-2b0c8d5a7e11"}) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).as(path).hasValue("/session-ended");
        }
        assertThat(get("/account/state").statusCode()).isEqualTo(401);
        for (String path : new String[] {"/link-problem/EXPIRED", "/session-ended"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void servesTheVaadinPagesBehindThePayment() throws Exception {
        // The client loads and asks for the view itself, which then finds no session.
        for (String path : new String[] {"/invoices", "/checkout/6f1c1d6e-0c1a-4c61-9d0a-2b0c8d5a7e11"}) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("VAADIN/");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
