package io.reroute.platform.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeCheckoutSessionRequestTest {

    private static StripeCheckoutSessionRequest request(Map<String, String> metadata, long amount, String currency) {
        return new StripeCheckoutSessionRequest(
                "ref-1", metadata, amount, currency, "Plan", null, "https://s", "https://c", null, "key-1");
    }

    @Test
    void lowerCasesTheCurrencyAndAddsTheCheckoutIdToTheMetadata() {
        var request = request(Map.of("workspace_id", "ws-1"), 100, "GBP");

        assertThat(request.currency()).isEqualTo("gbp");
        assertThat(request.metadata())
                .containsExactlyInAnyOrderEntriesOf(Map.of("workspace_id", "ws-1", "checkout_id", "ref-1"));
        assertThat(request(null, 100, "gbp").metadata()).containsExactlyEntriesOf(Map.of("checkout_id", "ref-1"));
    }

    @Test
    void rejectsWhatStripeWouldRefuse() {
        assertThatThrownBy(() -> request(Map.of(), 0, "gbp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request(Map.of(), 100, "pound")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request(Map.of("checkout_id", "another"), 100, "gbp"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
