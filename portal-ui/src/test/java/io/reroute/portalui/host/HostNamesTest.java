package io.reroute.portalui.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostNamesTest {

    @Test
    void canonicalFormWithoutPortOrTrailingDot() {
        assertThat(HostNames.parse("Pay.Example-ISP.net")).hasValue("pay.example-isp.net");
        assertThat(HostNames.parse("pay-a.localtest:8110")).hasValue("pay-a.localtest");
        assertThat(HostNames.parse(" pay.example.net. ")).hasValue("pay.example.net");
    }

    @Test
    void namesNoWorkspaceCanHaveAreRefused() {
        assertThat(HostNames.parse(null)).isEmpty();
        assertThat(HostNames.parse("")).isEmpty();
        assertThat(HostNames.parse("localhost")).isEmpty();
        assertThat(HostNames.parse("127.0.0.1")).isEmpty();
        assertThat(HostNames.parse("[::1]")).isEmpty();
        assertThat(HostNames.parse("pay..example.net")).isEmpty();
        assertThat(HostNames.parse("-pay.example.net")).isEmpty();
        assertThat(HostNames.parse("pay.example.net/evil")).isEmpty();
        assertThat(HostNames.parse("päy.example.net")).isEmpty();
        assertThat(HostNames.parse("a".repeat(250) + ".net")).isEmpty();
    }
}
