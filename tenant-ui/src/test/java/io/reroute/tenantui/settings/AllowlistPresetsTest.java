package io.reroute.tenantui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllowlistPresetsTest {

    /** What the platform accepts: a lower-case host name, or *. over a domain of at least two labels. */
    private static final String ENTRY = "(\\*\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)+";

    @Test
    void everyPresetValueIsAnEntryThePlatformTakes() {
        for (var preset : AllowlistPresets.ALL) {
            assertThat(preset.values()).as(preset.label()).allMatch(value -> value.matches(ENTRY));
            assertThat(preset.values()).as(preset.label()).doesNotHaveDuplicates();
        }
    }

    @Test
    void stripeCoversItsCheckoutAndScripts() {
        assertThat(AllowlistPresets.STRIPE.values())
                .contains("checkout.stripe.com", "js.stripe.com", "m.stripe.network", "*.stripe.com");
    }

    @Test
    void payPalCoversItsPagesAndAssets() {
        assertThat(AllowlistPresets.PAYPAL.values()).contains("www.paypal.com", "*.paypal.com", "*.paypalobjects.com");
    }

    @Test
    void presetIdsNameTheirButtons() {
        assertThat(AllowlistPresets.ALL).extracting(AllowlistPresets.Preset::id).containsExactly("stripe", "paypal");
    }
}
