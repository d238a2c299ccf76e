package io.reroute.tenantui.platform;

import io.reroute.tenantui.PlatformProperties;
import io.reroute.tenantui.security.CurrentStaff;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The platform's public API, the only way this UI reaches any data. Calls carry the signed-in staff
 * member's access token; problems come back as {@link ApiProblem} (with per-field messages for
 * forms), a refused token as {@link SessionExpiredException}.
 */
@Component
public class PlatformApi {

    private final RestClient http;
    private final ObjectMapper json;
    private final CurrentStaff staff;

    PlatformApi(RestClient.Builder builder, PlatformProperties properties, ObjectMapper json, CurrentStaff staff) {
        // The JDK client, because HttpURLConnection cannot send PATCH (staff changes use it).
        var client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
        var requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(Duration.ofSeconds(15));
        this.http = builder.baseUrl(properties.url().toString())
                .requestFactory(requests)
                .build();
        this.json = json;
        this.staff = staff;
    }

    public Request get(String path, Object... uriVariables) {
        return new Request(HttpMethod.GET, path, uriVariables, true);
    }

    public Request post(String path, Object... uriVariables) {
        return new Request(HttpMethod.POST, path, uriVariables, true);
    }

    public Request put(String path, Object... uriVariables) {
        return new Request(HttpMethod.PUT, path, uriVariables, true);
    }

    public Request patch(String path, Object... uriVariables) {
        return new Request(HttpMethod.PATCH, path, uriVariables, true);
    }

    public Request delete(String path, Object... uriVariables) {
        return new Request(HttpMethod.DELETE, path, uriVariables, true);
    }

    /** A call made before anyone is signed in: sign-in and opening a new workspace. */
    public Request anonymous(HttpMethod method, String path, Object... uriVariables) {
        return new Request(method, path, uriVariables, false);
    }

    /** The platform's readiness as it reports it, or {@code UNREACHABLE}. */
    public String readiness() {
        try {
            JsonNode health =
                    http.get().uri("/actuator/health/readiness").retrieve().body(JsonNode.class);
            return health != null && health.hasNonNull("status")
                    ? health.get("status").asString()
                    : "UNKNOWN";
        } catch (RestClientException e) {
            return "UNREACHABLE";
        }
    }

    /** A body with the entity tag it was read with, for updates guarded by {@code If-Match}. */
    public record Versioned<T>(T body, String etag) {}

    /** One call being put together. */
    public final class Request {

        private final HttpMethod method;
        private final String path;
        private final Object[] uriVariables;
        private final boolean authenticated;
        private final HttpHeaders headers = new HttpHeaders();
        private final List<Map.Entry<String, Object>> parameters = new ArrayList<>();
        private Object body;

        private Request(HttpMethod method, String path, Object[] uriVariables, boolean authenticated) {
            this.method = method;
            this.path = path;
            this.uriVariables = uriVariables;
            this.authenticated = authenticated;
        }

        public Request body(Object body) {
            this.body = body;
            return this;
        }

        /** Adds a query parameter, unless the value is null or blank. */
        public Request param(String name, Object value) {
            if (value != null && !value.toString().isBlank()) {
                parameters.add(Map.entry(name, value));
            }
            return this;
        }

        public Request header(String name, String value) {
            headers.set(name, value);
            return this;
        }

        public Request ifMatch(String etag) {
            return header(HttpHeaders.IF_MATCH, etag);
        }

        public <T> T as(Class<T> type) {
            return exchange(spec -> spec.body(type));
        }

        public <T> T as(ParameterizedTypeReference<T> type) {
            return exchange(spec -> spec.body(type));
        }

        public <T> Versioned<T> versioned(Class<T> type) {
            ResponseEntity<T> entity = exchange(spec -> spec.toEntity(type));
            return new Versioned<>(entity.getBody(), entity.getHeaders().getETag());
        }

        public String text() {
            return exchange(spec -> spec.body(String.class));
        }

        public void send() {
            exchange(RestClient.ResponseSpec::toBodilessEntity);
        }

        private <T> T exchange(java.util.function.Function<RestClient.ResponseSpec, T> read) {
            var template = new StringBuilder(path);
            var variables = new ArrayList<>(List.of(uriVariables));
            for (var parameter : parameters) {
                // Values go in as template variables so that the URI builder encodes them.
                template.append(template.indexOf("?") < 0 ? '?' : '&')
                        .append(parameter.getKey())
                        .append("={p")
                        .append(variables.size())
                        .append('}');
                variables.add(parameter.getValue());
            }
            var spec = http.method(method)
                    .uri(template.toString(), variables.toArray())
                    .headers(h -> {
                        h.addAll(headers);
                        h.setAccept(List.of(
                                MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.TEXT_PLAIN));
                        if (authenticated) {
                            h.setBearerAuth(staff.accessToken().orElseThrow(SessionExpiredException::new));
                        }
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
                        "The platform cannot be reached right now. Try again shortly.", e);
            }
        }

        private RuntimeException problem(int status, InputStream body) throws IOException {
            if (status == HttpStatus.UNAUTHORIZED.value() && authenticated) {
                return new SessionExpiredException();
            }
            JsonNode document;
            try {
                document = json.readTree(body);
            } catch (RuntimeException unreadable) {
                document = null;
            }
            if (document == null || !document.isObject()) {
                return status >= 500
                        ? new PlatformUnavailableException(
                                "The platform failed (HTTP " + status + "). Try again.", null)
                        : new ApiProblem(
                                status,
                                null,
                                null,
                                "The platform refused the request (HTTP " + status + ").",
                                List.of());
            }
            List<ApiProblem.FieldMessage> errors = new ArrayList<>();
            JsonNode list = document.get("errors");
            if (list != null && list.isArray()) {
                for (JsonNode error : list) {
                    errors.add(new ApiProblem.FieldMessage(field(error, "field"), field(error, "message")));
                }
            }
            String detail = field(document, "detail");
            if (detail == null) {
                detail = field(document, "error_description");
            }
            return new ApiProblem(status, field(document, "type"), field(document, "title"), detail, errors);
        }
    }

    private static String field(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
