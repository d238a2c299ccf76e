package io.reroute.platform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostNameTest {

    @ParameterizedTest
    @CsvSource({
        "Portal.ISP.example,    portal.isp.example",
        "pay.isp.example.,      pay.isp.example",
        "  a-b.c1.example  ,    a-b.c1.example",
        "bücher.example,        xn--bcher-kva.example",
        "xn--bcher-kva.example, xn--bcher-kva.example"
    })
    void parsesToCanonicalForm(String input, String canonical) {
        assertThat(HostName.parse(input).value()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "localhost",
                "-a.example",
                "a-.example",
                "a..example",
                "a_b.example",
                "exa mple.com",
                "1.2.3.4",
                "::1",
                "host.123",
                "*.example.com"
            })
    void rejects(String input) {
        assertThatIllegalArgumentException().isThrownBy(() -> HostName.parse(input));
    }

    @Test
    void rejectsOverlongNamesAndLabels() {
        assertThatIllegalArgumentException().isThrownBy(() -> HostName.parse("a".repeat(64) + ".example"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HostName.parse(("a".repeat(60) + ".").repeat(5) + "example"));
    }

    @Test
    void coversItselfAndNamesBelowOnly() {
        HostName stripe = HostName.parse("stripe.com");
        assertThat(stripe.covers(HostName.parse("stripe.com"))).isTrue();
        assertThat(stripe.covers(HostName.parse("a.b.stripe.com"))).isTrue();
        assertThat(stripe.covers(HostName.parse("evilstripe.com"))).isFalse();
    }
}
