package io.reroute.platform.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class AllowlistPatternTest {

    @Test
    void recognisesEachKindOfPattern() {
        assertThat(AllowlistPattern.parse("checkout.stripe.com")).isInstanceOf(AllowlistPattern.ExactHost.class);
        assertThat(AllowlistPattern.parse("*.PayPal.com"))
                .isInstanceOf(AllowlistPattern.WildcardDomain.class)
                .extracting(AllowlistPattern::value)
                .isEqualTo("*.paypal.com");
        assertThat(AllowlistPattern.parse("198.51.100.0/24").type()).isEqualTo(AllowlistPattern.MatchType.CIDR);
        assertThat(AllowlistPattern.parse("2001:db8::1").value()).isEqualTo("2001:db8::1/128");
    }

    @Test
    void refusesWildcardsThatAreTooBroadOrMisplaced() {
        assertThatIllegalArgumentException().isThrownBy(() -> AllowlistPattern.parse("*.com"));
        assertThatIllegalArgumentException().isThrownBy(() -> AllowlistPattern.parse("*"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AllowlistPattern.parse("pay.*.com"))
                .withMessageContaining("leading '*.'");
        assertThatIllegalArgumentException().isThrownBy(() -> AllowlistPattern.parse("**.stripe.com"));
    }
}
