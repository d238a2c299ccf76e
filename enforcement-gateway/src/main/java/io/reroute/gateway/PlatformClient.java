package io.reroute.gateway;

import io.reroute.gateway.sync.SyncProperties;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/** The platform's {@code /internal} API as this region's gateway: one client, authenticated once. */
@Component
public class PlatformClient {

    private final WebClient web;

    PlatformClient(GatewayProperties gateway, SyncProperties sync) {
        this.web = WebClient.builder()
                .baseUrl(gateway.platformUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, basic("gateway." + gateway.region(), sync.secret()))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(1024 * 1024))
                .build();
    }

    public WebClient web() {
        return web;
    }

    private static String basic(String user, String secret) {
        String pair = user + ":" + (secret == null ? "" : secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
