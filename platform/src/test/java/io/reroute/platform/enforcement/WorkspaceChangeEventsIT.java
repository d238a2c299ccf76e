package io.reroute.platform.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.reroute.platform.enforcement.internal.OutboxRelay;
import io.reroute.platform.support.ManagedWorkspaces;
import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.support.RegionStreams;
import io.reroute.platform.support.SettingsFixtures;
import io.reroute.platform.support.TestWorkspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * What gateways enforce for a workspace (landing addresses, reminder host, allowlist) reaches its
 * region's stream as a {@code workspace.changed} event with the whole new view, in the order of the
 * changes; other changes, other workspaces and other regions see nothing of it.
 */
@PlatformIntegrationTest
class WorkspaceChangeEventsIT {

    @RegisterExtension
    static ManagedWorkspaces workspaces = new ManagedWorkspaces();

    @Autowired
    OutboxRelay relay;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void landingReminderHostAndAllowlistChangesReachTheRegionsGatewaysInOrder() {
        TestWorkspace isp = workspaces.create("eu-west");
        String host = "pay." + isp.slug() + ".example";
        SettingsFixtures.configure(isp, "Change Net", host);
        String entry = isp.create("/api/v1/workspace/allowlist", Map.of("value", "*.stripe.com", "kind", "PAYMENT"));
        isp.client()
                .delete()
                .uri("/api/v1/workspace/allowlist/" + entry)
                .exchange()
                .expectStatus()
                .isNoContent();
        relay.relayAll().block();

        List<String> events = events("eu-west", isp);
        assertThat(events).hasSize(3);
        assertThat(events).allSatisfy(event -> {
            assertThat(JsonPath.<String>read(event, "$.workspace.workspaceId"))
                    .isEqualTo(isp.id().toString());
            assertThat(JsonPath.<String>read(event, "$.workspace.reminderHost")).isEqualTo(host);
            assertThat(JsonPath.<String>read(event, "$.workspace.landingIpv4")).isEqualTo("203.0.113.10");
        });
        assertThat(events.stream().map(e -> JsonPath.<List<String>>read(e, "$.workspace.allowlist")))
                .containsExactly(List.of(), List.of("*.stripe.com"), List.of());
        assertThat(events("us-east", isp))
                .as("another region's gateways hear nothing of it")
                .isEmpty();
    }

    @Test
    void brandingChangesAreNoGatewayEventAndWorkspacesKeepToTheirOwn() {
        TestWorkspace first = workspaces.create("eu-west");
        TestWorkspace second = workspaces.create("eu-west");
        SettingsFixtures.configure(first, "First Net", "pay." + first.slug() + ".example");
        SettingsFixtures.configure(second, "Second Net", "pay." + second.slug() + ".example");
        relay.relayAll().block();
        int before = events("eu-west", first).size();

        // The same reminder host and landing address: a new name and brand only.
        SettingsFixtures.configure(first, "First Net Renamed", "pay." + first.slug() + ".example");
        second.create("/api/v1/workspace/allowlist", Map.of("value", "paypal.com", "kind", "PAYMENT"));
        relay.relayAll().block();

        assertThat(events("eu-west", first)).hasSize(before);
        assertThat(events("eu-west", second)).last().satisfies(event -> assertThat(
                        JsonPath.<List<String>>read(event, "$.workspace.allowlist"))
                .containsExactly("paypal.com"));
        assertThat(String.join("\n", events("eu-west", first)))
                .doesNotContain(second.id().toString())
                .doesNotContain("paypal.com");
    }

    /** The {@code workspace.changed} events of one workspace on a region's stream, oldest first. */
    private List<String> events(String region, TestWorkspace workspace) {
        return RegionStreams.entries(redis, region).stream()
                .filter(e -> WorkspaceChangedEvent.TYPE.equals(e.fields().get("type")))
                .filter(e -> workspace.id().toString().equals(e.fields().get("workspace")))
                .peek(e -> assertThat(e.subscriber()).isEmpty())
                .map(e -> e.fields().get("event"))
                .toList();
    }
}
