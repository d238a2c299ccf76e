package io.reroute.routeros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The generated scripts against golden files under {@code src/test/resources/golden}. After an
 * intended change, regenerate them with {@code -Dgolden.update=true} and review the diff.
 */
class UnpaidFlowTest {

    private static final List<String> ALLOWLIST =
            List.of("checkout.stripe.com", "*.paypal.com", "198.51.100.0/24", "2001:db8::/32", "help.isp.example");

    @Test
    void accessRouterGetsTheFirewallAndTheExpiredProfile() throws IOException {
        var flow = new UnpaidFlow(
                RouterRole.ACCESS, "unpaid", "512k/1M", "expired-pool", "203.0.113.10", "pay.isp.example", ALLOWLIST);

        assertMatchesGolden("access-router.rsc", RouterScript.render("Unpaid flow for core-1", flow.objects()));
    }

    @Test
    void edgeRouterGetsTheFirewallOnly() throws IOException {
        var flow =
                new UnpaidFlow(RouterRole.EDGE, "reroute-restricted", "1M/1M", null, "203.0.113.10", null, List.of());

        assertMatchesGolden("edge-router.rsc", RouterScript.render("Unpaid flow for edge-7", flow.objects()));
    }

    @Test
    void everyObjectIsMarkedAndNamedOnce() {
        var objects = new UnpaidFlow(
                        RouterRole.ACCESS, "unpaid", "1M/1M", null, "203.0.113.10", "pay.isp.example", ALLOWLIST)
                .objects();

        assertThat(objects).allSatisfy(object -> assertThat(RouterObject.ours(object.marker()))
                .isTrue());
        assertThat(objects.stream().map(RouterObject::marker)).doesNotHaveDuplicates();
        assertThat(objects)
                .filteredOn(object -> object.path().equals("/ip/firewall/address-list"))
                .extracting(object -> object.properties().get("address"))
                .containsExactly(
                        "203.0.113.10",
                        "pay.isp.example",
                        "checkout.stripe.com",
                        "198.51.100.0/24",
                        "help.isp.example");
    }

    @Test
    void restrictedSubscribersCannotBeRedirectedWithoutALandingAddress() {
        var flow = new UnpaidFlow(RouterRole.EDGE, "unpaid", "1M/1M", null, null, null, List.of());

        assertThatThrownBy(flow::objects)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("landing");
    }

    @Test
    void subscriberEntriesAreOursButNotPartOfTheFlow() {
        var id = UUID.fromString("6f1c0b1e-0000-4000-8000-000000000001");
        var entry = RouterObject.subscriberEntry("unpaid", "100.64.0.7", id);

        assertThat(entry.marker()).isEqualTo("reroute:sub:" + id);
        assertThat(RouterObject.subscriberEntry(entry.marker())).isTrue();
        assertThat(RouterObject.subscriberEntry("reroute:allow:landing")).isFalse();
        assertThat(RouterObject.ours("isp: uplink")).isFalse();
        assertThat(entry.group()).isEqualTo("reroute:sub:");
    }

    @Test
    void valuesAreQuotedForTheScriptLanguage() {
        assertThat(RouterScript.quote("a \"b\" $c \\d")).isEqualTo("\"a \\\"b\\\" \\$c \\\\d\"");
    }

    private static void assertMatchesGolden(String name, String script) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/golden", name), script, StandardCharsets.UTF_8);
        }
        try (InputStream golden = UnpaidFlowTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(golden).as("golden file %s", name).isNotNull();
            assertThat(script).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
