package io.reroute.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "reroute.gateway.region=eu-west",
            "reroute.gateway.platform-url=http://127.0.0.1:1",
            "spring.data.redis.url=redis://127.0.0.1:1",
            "reroute.gateway.dns.bind=127.0.0.1",
            "reroute.gateway.dns.port=0",
            "reroute.gateway.captive.bind=127.0.0.1",
            "reroute.gateway.captive.port=0",
            "reroute.gateway.radius.auth-port=0",
            "reroute.gateway.radius.accounting-port=0"
        })
class GatewayApplicationIT {

    @LocalServerPort
    int port;

    @Test
    void isAliveButNotReadyWithoutStateAndNamesItsRegion() {
        var client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(10))
                .build();
        client.get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        // With no platform and no Redis it has no state to enforce yet, so it is alive but not ready.
        client.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("OUT_OF_SERVICE")
                .jsonPath("$.components.regionState.details.reason")
                .isEqualTo("no region snapshot loaded yet");
        client.get()
                .uri("/actuator/info")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.gateway.region")
                .isEqualTo("eu-west");
    }

    @Test
    void refusesToStartWithoutAValidRegion() {
        var app = new SpringApplication(GatewayApplication.class);
        assertThatThrownBy(() -> app.run(
                        "--server.port=0", "--reroute.gateway.dns.port=0", "--reroute.gateway.region=Not A Region"))
                .hasStackTraceContaining("region");
    }
}
