package io.reroute.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@PlatformIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    @Test
    void healthProbesAreUpWithoutAToken() {
        TestWorkspace w = workspaces.create();
        for (String probe :
                new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
            w.api()
                    .anonymous()
                    .get()
                    .uri(probe)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");
        }
    }

    @Test
    void metricsAndLogsCarryTheWorkspace(CapturedOutput output) {
        TestWorkspace w = workspaces.create();
        w.client().get().uri("/api/v1/workspace").exchange().expectStatus().isOk();

        String metrics = w.api()
                .anonymous()
                .mutate()
                // Every test workspace adds its own series: the page outgrows the default 256 KB.
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/workspace\"[^}]*workspace=\""
                        + w.id() + "\"");
        assertThat(output.getAll())
                .containsPattern("\\[" + w.id() + "\\] io.reroute.platform.access - GET /api/v1/workspace 200");
    }

    @Test
    void openApiDocumentAndUiAreServed() {
        TestWorkspace w = workspaces.create();
        w.api()
                .anonymous()
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/workspace/settings'].put")
                .exists()
                .jsonPath("$.paths['/api/v1/api-clients'].post")
                .exists()
                .jsonPath("$.components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl")
                .isEqualTo("/oauth2/token");
        w.api()
                .anonymous()
                .get()
                .uri("/swagger-ui/index.html")
                .exchange()
                .expectStatus()
                .isOk();
    }
}
