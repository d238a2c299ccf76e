package io.reroute.platform.support;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
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
        String[] form = scope == null
                ? new String[] {"grant_type", "client_credentials"}
                : new String[] {"grant_type", "client_credentials", "scope", scope};
        Map<String, Object> body = requestToken(clientId, secret, form)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) body.get("access_token");
    }

    /**
     * Posts to the token endpoint with HTTP Basic client authentication (none when {@code clientId}
     * is null) and the given form fields, as name-value pairs.
     */
    public WebTestClient.ResponseSpec requestToken(String clientId, String secret, String... formPairs) {
        var form = new LinkedMultiValueMap<String, String>();
        for (int i = 0; i < formPairs.length; i += 2) {
            form.add(formPairs[i], formPairs[i + 1]);
        }
        return anonymous()
                .post()
                .uri("/oauth2/token")
                .headers(h -> {
                    if (clientId != null) {
                        h.setBasicAuth(clientId, secret);
                    }
                })
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange();
    }
}
