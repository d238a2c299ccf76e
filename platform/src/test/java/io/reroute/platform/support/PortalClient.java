package io.reroute.platform.support;

import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The subscriber portal as the platform sees it: the portal's own credentials, and a subscriber's
 * session opened from a signed link, used on one host.
 */
public final class PortalClient {

    private final WebTestClient client;

    public PortalClient(TestWorkspace any) {
        this.client = any.api()
                .anonymous()
                .mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, InternalCredentials.portal())
                .build();
    }

    /** A fresh signed link of {@code purpose} for the subscriber, issued through the public API. */
    public static String link(TestWorkspace w, String subscriber, String purpose) {
        return JsonPath.read(
                w.client()
                        .post()
                        .uri("/api/v1/subscribers/" + subscriber + "/reminder-links")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("purpose", purpose))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody(),
                "$.token");
    }

    public WebTestClient.ResponseSpec openSession(String host, String token) {
        return call("/internal/portal/sessions", Map.of("host", host, "token", token));
    }

    public WebTestClient.ResponseSpec signInWithCode(String host, String account, String code) {
        return call("/internal/portal/sessions/code", Map.of("host", host, "accountNumber", account, "code", code));
    }

    /** Asks for a new link for the account on the host; the platform always answers 202. */
    public void requestLink(String host, String account) {
        call("/internal/portal/link-requests", Map.of("host", host, "accountNumber", account))
                .expectStatus()
                .isAccepted();
    }

    /** Asks for a sign-in code for the account on the host; the platform always answers 202. */
    public void requestCode(String host, String account) {
        call("/internal/portal/codes", Map.of("host", host, "accountNumber", account))
                .expectStatus()
                .isAccepted();
    }

    /** A call of the portal before any session: only its own credentials. */
    private WebTestClient.ResponseSpec call(String uri, Object body) {
        return client.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** The session token of a link that must open one. */
    public String session(String host, String token) {
        return JsonPath.read(
                openSession(host, token)
                        .expectStatus()
                        .isCreated()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody(),
                "$.session");
    }

    public WebTestClient.ResponseSpec get(String session, String host, String uri) {
        return client.get()
                .uri(uri)
                .header("X-Portal-Session", session)
                .header("X-Portal-Host", host)
                .exchange();
    }

    public WebTestClient.ResponseSpec post(String session, String host, String uri, Object body) {
        return client.post()
                .uri(uri)
                .header("X-Portal-Session", session)
                .header("X-Portal-Host", host)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** Starts paying and returns the checkout's JSON. */
    public String checkout(String session, String host, Map<String, ?> body) {
        return post(session, host, "/internal/portal/checkouts", body)
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
