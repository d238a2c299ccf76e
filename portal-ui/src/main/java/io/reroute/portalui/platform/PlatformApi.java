package io.reroute.portalui.platform;

import io.reroute.portalui.session.PortalSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The platform's portal API ({@code /internal/portal}), the only way the portal reaches any data.
 * Every call authenticates as the internal client {@code portal}; calls for a subscriber also carry
 * their session and the host they are on, which the platform checks belong together. Problems come
 * back as {@link ApiProblem}, an ended session as {@link SessionEndedException}.
 */
@Component
public class PlatformApi {

    static final String SESSION_HEADER = "X-Portal-Session";
    static final String HOST_HEADER = "X-Portal-Host";

    private static final Logger log = LoggerFactory.getLogger(PlatformApi.class);

    private final RestClient http;
    private final ObjectMapper json;

    PlatformApi(RestClient.Builder builder, PlatformProperties properties, ObjectMapper json) {
        var client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
        var requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(Duration.ofSeconds(15));
        this.http = builder.baseUrl(properties.url().toString())
                .requestFactory(requests)
                .defaultHeaders(headers -> headers.setBasicAuth("portal", properties.portalSecret()))
                .build();
        this.json = json;
    }

    public Request get(String path, Object... uriVariables) {
        return new Request(HttpMethod.GET, path, uriVariables);
    }

    public Request post(String path, Object... uriVariables) {
        return new Request(HttpMethod.POST, path, uriVariables);
    }

    public Request delete(String path, Object... uriVariables) {
        return new Request(HttpMethod.DELETE, path, uriVariables);
    }

    /** One call being put together. */
    public final class Request {

        private final HttpMethod method;
        private final String path;
        private final Object[] uriVariables;
        private final HttpHeaders headers = new HttpHeaders();
        private Object body;

        private Request(HttpMethod method, String path, Object[] uriVariables) {
            this.method = method;
            this.path = path;
            this.uriVariables = uriVariables;
        }

        /** Makes the call as the subscriber of this session, on the host it was opened on. */
        public Request session(PortalSession session) {
            headers.set(SESSION_HEADER, session.token());
            headers.set(HOST_HEADER, session.host());
            return this;
        }

        public Request body(Object body) {
            this.body = body;
            return this;
        }

        public <T> T as(Class<T> type) {
            return exchange(spec -> spec.body(type));
        }

        public <T> T as(ParameterizedTypeReference<T> type) {
            return exchange(spec -> spec.body(type));
        }

        public byte[] bytes() {
            return exchange(spec -> spec.body(byte[].class));
        }

        public void send() {
            exchange(RestClient.ResponseSpec::toBodilessEntity);
        }

        private <T> T exchange(Function<RestClient.ResponseSpec, T> read) {
            var spec = http.method(method).uri(path, uriVariables).headers(h -> {
                h.addAll(headers);
                h.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL));
            });
            if (body != null) {
                spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            try {
                return read.apply(spec.retrieve().onStatus(status -> status.isError(), (request, response) -> {
                    throw problem(response.getStatusCode().value(), response.getBody());
                }));
            } catch (ResourceAccessException e) {
                throw new PlatformUnavailableException(
                        "The service cannot be reached right now. Try again shortly.", e);
            }
        }
    }

    private RuntimeException problem(int status, InputStream body) throws IOException {
        if (status == 401 || status == 403) {
            // Our own credentials, not the subscriber's: an operator has to fix the configuration.
            log.error("The platform refused the portal's credentials (HTTP {}); check REROUTE_PORTAL_SECRET", status);
            return new PlatformUnavailableException("The service is not available right now. Try again later.", null);
        }
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (RuntimeException unreadable) {
            document = null;
        }
        if (document == null || !document.isObject()) {
            return status >= 500
                    ? new PlatformUnavailableException("The service failed (HTTP " + status + "). Try again.", null)
                    : new ApiProblem(status, null, null, "The request was refused (HTTP " + status + ").", null);
        }
        String type = field(document, "type");
        if (status == 422 && SessionEndedException.TYPE.equals(type)) {
            return new SessionEndedException();
        }
        return new ApiProblem(
                status, type, field(document, "title"), field(document, "detail"), field(document, "reason"));
    }

    private static String field(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
