package io.reroute.tenantui.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void followsTheIspName() {
        assertThat(Slugs.suggest("Example ISP")).isEqualTo("example-isp");
        assertThat(Slugs.suggest("  Net & Co. (North)  ")).isEqualTo("net-co-north");
        assertThat(Slugs.suggest("Fibra Óptica São João")).isEqualTo("fibra-optica-sao-joao");
    }

    @Test
    void staysWithinForty() {
        String slug = Slugs.suggest("A very long internet service provider name that goes on and on");

        assertThat(slug).hasSizeLessThanOrEqualTo(40).doesNotEndWith("-").matches("[a-z0-9-]+");
    }

    @Test
    void nothingForNothing() {
        assertThat(Slugs.suggest(null)).isEmpty();
        assertThat(Slugs.suggest("!!!")).isEmpty();
    }
}
