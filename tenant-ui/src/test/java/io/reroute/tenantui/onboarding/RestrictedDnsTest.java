package io.reroute.tenantui.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RestrictedDnsTest {

    private static final List<String> ALLOWLIST = List.of("checkout.stripe.com", "*.paypal.com", "203.0.113.0/24");

    @Test
    void everyOtherNameGetsTheLandingAddress() {
        var answer = RestrictedDns.answer("www.google.com", "pay.isp.net", ALLOWLIST, "192.0.2.10");

        assertThat(answer.redirected()).isTrue();
        assertThat(answer.because()).contains("192.0.2.10");
    }

    @Test
    void theReminderHostResolvesNormally() {
        assertThat(RestrictedDns.answer("Pay.ISP.net.", "pay.isp.net", ALLOWLIST, "192.0.2.10")
                        .redirected())
                .isFalse();
    }

    @Test
    void allowlistedNamesResolveNormally() {
        assertThat(RestrictedDns.answer("checkout.stripe.com", "pay.isp.net", ALLOWLIST, "192.0.2.10")
                        .redirected())
                .isFalse();
        assertThat(RestrictedDns.answer("www.paypal.com", null, ALLOWLIST, "192.0.2.10")
                        .redirected())
                .isFalse();
        assertThat(RestrictedDns.answer("a.b.paypal.com", null, ALLOWLIST, "192.0.2.10")
                        .redirected())
                .isFalse();
    }

    @Test
    void aWildcardDoesNotMatchItsDomainItself() {
        assertThat(RestrictedDns.answer("paypal.com", null, ALLOWLIST, "192.0.2.10")
                        .redirected())
                .isTrue();
        assertThat(RestrictedDns.answer("notpaypal.com", null, ALLOWLIST, "192.0.2.10")
                        .redirected())
                .isTrue();
    }

    @Test
    void aMissingLandingAddressIsSaid() {
        assertThat(RestrictedDns.answer("example.com", null, List.of(), null).because())
                .contains("not set yet");
    }

    @Test
    void stepsGoInOrder() {
        assertThat(WizardStep.BRANDING.following()).isEqualTo(WizardStep.REMINDER_HOST);
        assertThat(WizardStep.CHECK.following()).isNull();
        assertThat(WizardStep.BRANDING.preceding()).isNull();
        assertThat(WizardStep.NETWORK.preceding()).isEqualTo(WizardStep.ALLOWLIST);
    }
}
