package io.reroute.platform.support;

import com.jayway.jsonpath.JsonPath;
import io.reroute.platform.security.ApiScope;
import io.reroute.platform.tenancy.WorkspaceId;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A workspace made for one test class, with an API client holding every scope. */
public record TestWorkspace(WorkspaceId id, String slug, String clientId, String clientSecret, PlatformApi api) {

    /** A token with every scope of the client. */
    public String token() {
        return api.token(clientId, clientSecret, null);
    }

    /** A token restricted to {@code scopes}. */
    public String token(ApiScope... scopes) {
        return api.token(
                clientId,
                clientSecret,
                Arrays.stream(scopes).map(ApiScope::value).collect(Collectors.joining(" ")));
    }

    /** A client sending a token with every scope. */
    public WebTestClient client() {
        return api.withToken(token());
    }

    /** POSTs {@code body} as JSON to {@code uri}, expects 201 Created, and returns the new resource's id. */
    public String create(String uri, Object body) {
        return JsonPath.read(
                client().post()
                        .uri(uri)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody(),
                "$.id");
    }

    /** The body of a {@code GET} that must answer 200. */
    public String get(String uri) {
        return client().get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    @Override
    public String toString() {
        return "TestWorkspace[" + slug + "]";
    }
}
