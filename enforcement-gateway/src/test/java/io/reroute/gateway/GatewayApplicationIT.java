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
        properties = {"reroute.gateway.region=eu-west", "reroute.gateway.platform-url=http://platform.internal:8080"})
class GatewayApplicationIT {

    @LocalServerPort
    int port;

    @Test
    void answersHealthProbesAndNamesItsRegion() {
        var client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(10))
                .build();
        for (String probe :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            client.get()
                    .uri(probe)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");
        }
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
        assertThatThrownBy(() -> app.run("--server.port=0", "--reroute.gateway.region=Not A Region"))
                .hasStackTraceContaining("region");
    }
}
