package io.reroute.platform.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StripeWebhooksTest {

    private static final String SECRET = "whsec_test_5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH";
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Duration TOLERANCE = StripeWebhooks.DEFAULT_TOLERANCE;

    private final byte[] completed = StripeTestEvents.checkoutSessionEvent(
            StripeTestEvents.COMPLETED,
            "evt_1QabcDEF",
            "cs_test_a1B2c3",
            "7d7f3c1e-0b8a-4f7e-9a53-3f2a3c4d5e6f",
            "paid",
            2500,
            "eur",
            Map.of("checkout_id", "7d7f3c1e-0b8a-4f7e-9a53-3f2a3c4d5e6f", "workspace_id", "w-1"),
            NOW.minusSeconds(2));

    @Test
    void acceptsAStripeSignatureAndReadsTheCheckoutSession() {
        var event = StripeWebhooks.verify(
                completed, StripeTestEvents.signatureHeader(completed, SECRET, NOW), SECRET, NOW, TOLERANCE);

        assertThat(event)
                .isEqualTo(new StripeEvent(
                        "evt_1QabcDEF",
                        "checkout.session.completed",
                        NOW.minusSeconds(2),
                        false,
                        "cs_test_a1B2c3",
                        "7d7f3c1e-0b8a-4f7e-9a53-3f2a3c4d5e6f",
                        "paid",
                        "complete",
                        "pi_a1B2c3",
                        2500L,
                        "eur",
                        Map.of("checkout_id", "7d7f3c1e-0b8a-4f7e-9a53-3f2a3c4d5e6f", "workspace_id", "w-1")));
    }

    @Test
    void readsAnExpiredSessionWithoutPaymentIntent() {
        byte[] expired = StripeTestEvents.checkoutSessionEvent(
                StripeTestEvents.EXPIRED, "evt_2", "cs_test_x", "ref", "unpaid", 900, "usd", Map.of(), NOW);

        var event = StripeWebhooks.verify(
                expired, StripeTestEvents.signatureHeader(expired, SECRET, NOW), SECRET, NOW, TOLERANCE);

        assertThat(event.type()).isEqualTo("checkout.session.expired");
        assertThat(event.status()).isEqualTo("expired");
        assertThat(event.paymentStatus()).isEqualTo("unpaid");
        assertThat(event.paymentIntent()).isNull();
        assertThat(event.metadata()).isEmpty();
    }

    @Test
    void leavesTheSessionFieldsEmptyForEventsAboutOtherObjects() {
        byte[] body = """
                {"id":"evt_3","object":"event","created":1790000000,"livemode":true,"type":"payment_intent.succeeded",
                 "data":{"object":{"id":"pi_1","object":"payment_intent","amount":100,"metadata":{"a":"b"}}}}""".getBytes(StandardCharsets.UTF_8);

        var event = StripeWebhooks.verify(
                body, StripeTestEvents.signatureHeader(body, SECRET, NOW), SECRET, NOW, TOLERANCE);

        assertThat(event)
                .isEqualTo(new StripeEvent(
                        "evt_3",
                        "payment_intent.succeeded",
                        Instant.ofEpochSecond(1790000000),
                        true,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Map.of()));
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        String header = StripeTestEvents.signatureHeader(completed, "whsec_other", NOW);

        assertThatThrownBy(() -> StripeWebhooks.verify(completed, header, SECRET, NOW, TOLERANCE))
                .isInstanceOf(StripeSignatureException.class)
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void rejectsATamperedBody() {
        String header = StripeTestEvents.signatureHeader(completed, SECRET, NOW);
        byte[] tampered = new String(completed, StandardCharsets.UTF_8)
                .replace("\"amount_total\":2500", "\"amount_total\":25000")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(completed);

        assertThatThrownBy(() -> StripeWebhooks.verify(tampered, header, SECRET, NOW, TOLERANCE))
                .isInstanceOf(StripeSignatureException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301, -86_400, 86_400})
    void rejectsATimestampOutsideTheTolerance(long offsetSeconds) {
        String header = StripeTestEvents.signatureHeader(completed, SECRET, NOW.plusSeconds(offsetSeconds));

        assertThatThrownBy(() -> StripeWebhooks.verify(completed, header, SECRET, NOW, TOLERANCE))
                .isInstanceOf(StripeSignatureException.class)
                .hasMessageContaining("signed at");
    }

    @ParameterizedTest
    @ValueSource(longs = {-300, 300})
    void acceptsATimestampAtTheEdgeOfTheTolerance(long offsetSeconds) {
        String header = StripeTestEvents.signatureHeader(completed, SECRET, NOW.plusSeconds(offsetSeconds));

        assertThat(StripeWebhooks.verify(completed, header, SECRET, NOW, TOLERANCE)
                        .id())
                .isEqualTo("evt_1QabcDEF");
    }

    @Test
    void acceptsAHeaderWhereOneOfSeveralSignaturesMatches() {
        // During a secret roll Stripe signs with the old and the new secret; test mode adds v0.
        String valid = StripeTestEvents.signatureHeader(completed, SECRET, NOW);
        String signature = valid.substring(valid.indexOf("v1=") + 3);
        String other = StripeTestEvents.signatureHeader(completed, "whsec_old", NOW);
        String otherSignature = other.substring(other.indexOf("v1=") + 3);
        String header = "t=" + NOW.getEpochSecond() + ",v1=" + otherSignature + ",v1=" + signature + ",v0="
                + "6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39";

        assertThat(StripeWebhooks.verify(completed, header, SECRET, NOW, TOLERANCE)
                        .id())
                .isEqualTo("evt_1QabcDEF");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                " ",
                "garbage",
                "t=1795349999",
                "v1=abc",
                "t=,v1=abc",
                "t=abc,v1=abc",
                "t=-5,v1=abc",
                "t=1795349999,t=1795349999,v1=abc",
                "t=1795349999,,v1=abc",
                "t=1795349999,v0=abc",
                "t=99999999999999999999,v1=abc"
            })
    void rejectsAMissingOrGarbledHeader(String header) {
        assertThatThrownBy(() -> StripeWebhooks.verify(completed, header, SECRET, NOW, TOLERANCE))
                .isInstanceOf(StripeSignatureException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"id\":", "[]", "{\"id\":\"evt_1\",\"object\":\"event\"}"})
    void rejectsASignedBodyThatIsNotAnEvent(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String header = StripeTestEvents.signatureHeader(body, SECRET, NOW);

        assertThatThrownBy(() -> StripeWebhooks.verify(body, header, SECRET, NOW, TOLERANCE))
                .isInstanceOf(StripeSignatureException.class);
    }
}
