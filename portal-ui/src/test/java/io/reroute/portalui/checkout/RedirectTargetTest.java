package io.reroute.portalui.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedirectTargetTest {

    @Test
    void thePortalsOwnPagesBecomePathsSoSchemeAndPortStay() {
        assertThat(RedirectTarget.of("https://pay-a.localtest/checkout/42/sandbox", "pay-a.localtest"))
                .hasValue(new RedirectTarget("checkout/42/sandbox", null));
        assertThat(RedirectTarget.of("https://PAY-A.localtest/checkout/42?x=1", "pay-a.localtest"))
                .hasValue(new RedirectTarget("checkout/42?x=1", null));
        assertThat(RedirectTarget.of("https://pay-a.localtest", "pay-a.localtest"))
                .hasValue(new RedirectTarget("", null));
    }

    @Test
    void otherHostsAreFollowedOnlyOverHttps() {
        assertThat(RedirectTarget.of("https://checkout.stripe.com/c/pay/cs_test_1#frag", "pay-a.localtest"))
                .hasValue(new RedirectTarget(null, "https://checkout.stripe.com/c/pay/cs_test_1#frag"));
        assertThat(RedirectTarget.of("http://checkout.stripe.com/c/pay", "pay-a.localtest"))
                .isEmpty();
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(RedirectTarget.of(null, "pay-a.localtest")).isEmpty();
        assertThat(RedirectTarget.of(" ", "pay-a.localtest")).isEmpty();
        assertThat(RedirectTarget.of("/checkout/42", "pay-a.localtest")).isEmpty();
        assertThat(RedirectTarget.of("javascript:alert(1)", "pay-a.localtest")).isEmpty();
        assertThat(RedirectTarget.of("https://exa mple.com/", "pay-a.localtest"))
                .isEmpty();
        // Another workspace's portal host is not "here": its scheme is kept as the platform wrote it.
        assertThat(RedirectTarget.of("https://pay-b.localtest/checkout/1/sandbox", "pay-a.localtest"))
                .hasValue(new RedirectTarget(null, "https://pay-b.localtest/checkout/1/sandbox"));
    }
}
