package io.reroute.platform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpNetworkTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8,           10.0.0.0/8",
        "192.0.2.1,            192.0.2.1/32",
        "0.0.0.0/0,            0.0.0.0/0",
        "2001:DB8::/32,        2001:db8::/32",
        "2001:db8:0:0:0:0:0:1, 2001:db8::1/128"
    })
    void parsesToCanonicalCidr(String input, String cidr) {
        assertThat(IpNetwork.parse(input).cidr()).isEqualTo(cidr);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.1/8",
                "10.0.0.0/33",
                "10.0.0.0/-1",
                "256.0.0.0/8",
                "10.0.0/8",
                "2001:db8::1/32",
                "2001:db8::/129",
                "fe80::1%eth0",
                "example.com",
                "10.0.0.0/",
                "10.0.0.0/8/8"
            })
    void rejects(String input) {
        assertThatIllegalArgumentException().isThrownBy(() -> IpNetwork.parse(input));
    }
}
