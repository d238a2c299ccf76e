package io.reroute.platform.support;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** The running platform seen from outside, over real HTTP. */
public final class PlatformApi {

    private final int port;

    public PlatformApi(int port) {
        this.port = port;
    }

    public WebTestClient anonymous() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    public WebTestClient withToken(String token) {
        return anonymous()
                .mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build();
    }

    /** Runs the client-credentials grant and returns the access token. */
    @SuppressWarnings("unchecked")
    public String token(String clientId, String secret, String scope) {
        var form = BodyInserters.fromFormData("grant_type", "client_credentials");
        if (scope != null) {
            form = form.with("scope", scope);
        }
        Map<String, Object> body = anonymous()
                .post()
                .uri("/oauth2/token")
                .headers(h -> h.setBasicAuth(clientId, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) body.get("access_token");
    }
}
