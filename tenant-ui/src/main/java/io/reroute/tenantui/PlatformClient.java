package io.reroute.tenantui;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The platform seen over HTTP, the only way this UI reaches it. */
@Component
public class PlatformClient {

    private final RestClient http;

    PlatformClient(RestClient.Builder builder, PlatformProperties properties) {
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(5));
        this.http = builder.baseUrl(properties.url().toString())
                .requestFactory(requests)
                .build();
    }

    /** The platform's readiness as it reports it, or {@code UNREACHABLE}. */
    public String readiness() {
        try {
            Map<?, ?> health =
                    http.get().uri("/actuator/health/readiness").retrieve().body(Map.class);
            return health != null && health.get("status") != null
                    ? health.get("status").toString()
                    : "UNKNOWN";
        } catch (RestClientException e) {
            return "UNREACHABLE";
        }
    }
}
