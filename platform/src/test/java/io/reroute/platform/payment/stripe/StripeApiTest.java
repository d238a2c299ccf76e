package io.reroute.platform.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StripeApiTest {

    private static final String KEY = "sk_test_51Reroute0123456789abcdefghijklmnopqrstuv";
    private static final Instant EXPIRES_AT =
            Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

    private final FakeStripeApi stripe = FakeStripeApi.start();
    private final StripeApi api = new StripeApi(stripe.baseUri(), Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        stripe.close();
    }

    private static StripeCheckoutSessionRequest request(String customerEmail, Instant expiresAt) {
        return new StripeCheckoutSessionRequest(
                "5b0e8a52-7c1d-4f4e-8d9a-0a1b2c3d4e5f",
                Map.of("workspace_id", "ws-1", "subscriber_id", "sub-9"),
                1999,
                "EUR",
                "Hill Fibre: November",
                customerEmail,
                "https://portal.example/pay/done?session_id={CHECKOUT_SESSION_ID}",
                "https://portal.example/pay/cancelled",
                expiresAt,
                "checkout-5b0e8a52-1");
    }

    @Test
    void createsAPaymentSessionWithTheWorkspaceKey() {
        var session = api.createCheckoutSession(KEY, request("payer@example.com", EXPIRES_AT))
                .block();

        assertThat(session.id()).startsWith("cs_test_");
        assertThat(session.url()).isEqualTo("https://checkout.stripe.com/c/pay/" + session.id());
        assertThat(session.paymentStatus()).isEqualTo("unpaid");
        assertThat(session.expiresAt()).isEqualTo(EXPIRES_AT);

        assertThat(stripe.requests(KEY)).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/checkout/sessions");
            assertThat(request.authorization()).isEqualTo("Bearer " + KEY);
            assertThat(request.idempotencyKey()).isEqualTo("checkout-5b0e8a52-1");
            assertThat(request.form())
                    .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                            Map.entry("mode", "payment"),
                            Map.entry("client_reference_id", "5b0e8a52-7c1d-4f4e-8d9a-0a1b2c3d4e5f"),
                            Map.entry("metadata[checkout_id]", "5b0e8a52-7c1d-4f4e-8d9a-0a1b2c3d4e5f"),
                            Map.entry("metadata[workspace_id]", "ws-1"),
                            Map.entry("metadata[subscriber_id]", "sub-9"),
                            Map.entry("line_items[0][quantity]", "1"),
                            Map.entry("line_items[0][price_data][unit_amount]", "1999"),
                            Map.entry("line_items[0][price_data][currency]", "eur"),
                            Map.entry("line_items[0][price_data][product_data][name]", "Hill Fibre: November"),
                            Map.entry(
                                    "success_url", "https://portal.example/pay/done?session_id={CHECKOUT_SESSION_ID}"),
                            Map.entry("cancel_url", "https://portal.example/pay/cancelled"),
                            Map.entry("customer_email", "payer@example.com"),
                            Map.entry("expires_at", Long.toString(EXPIRES_AT.getEpochSecond()))));
        });
    }

    @Test
    void leavesOutTheEmailAndExpiryWhenNotGiven() {
        var session = api.createCheckoutSession(KEY, request(null, null)).block();

        assertThat(session.expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(stripe.requests(KEY)).singleElement().satisfies(request -> assertThat(request.form())
                .doesNotContainKeys("customer_email", "expires_at"));
    }

    @Test
    void aRefusedRequestFailsForGoodWithStripesMessage() {
        stripe.answerError(
                KEY,
                400,
                "invalid_request_error",
                "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.");

        assertThatThrownBy(() -> api.createCheckoutSession(KEY, request(null, EXPIRES_AT))
                        .block())
                .asInstanceOf(type(StripeException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage())
                            .contains("400")
                            .contains(
                                    "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.");
                });
    }

    @Test
    void aServerErrorIsRetryable() {
        stripe.answerError(KEY, 500, "api_error", "An unknown error occurred");

        assertThatThrownBy(() ->
                        api.createCheckoutSession(KEY, request(null, null)).block())
                .asInstanceOf(type(StripeException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("An unknown error occurred");
                });
        // One call, one request: retrying is the caller's choice.
        assertThat(stripe.requests(KEY)).hasSize(1);
    }

    @Test
    void noAnswerInTimeIsRetryable() {
        stripe.answerAfter(KEY, Duration.ofSeconds(3));
        var impatient = new StripeApi(stripe.baseUri(), Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient
                        .createCheckoutSession(KEY, request(null, null))
                        .block())
                .asInstanceOf(type(StripeException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).startsWith("Stripe did not answer");
                });
    }

    @Test
    void aKeyWithWhitespaceIsNotSentAndNotRetryable() {
        String pasted = KEY + "\n";

        assertThatThrownBy(() ->
                        api.createCheckoutSession(pasted, request(null, null)).block())
                .asInstanceOf(type(StripeException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("whitespace").doesNotContain(KEY);
                });
        assertThat(stripe.requests(KEY)).isEmpty();
    }

    @Test
    void theSecretKeyNeverShowsInAFailure() {
        // Stripe masks keys in its messages; an answer that does not must not leak it either.
        stripe.answerError(KEY, 401, "invalid_request_error", "Invalid API Key provided: " + KEY);

        assertThatThrownBy(() ->
                        api.createCheckoutSession(KEY, request(null, null)).block())
                .isInstanceOf(StripeException.class)
                .hasNoCause()
                .satisfies(e -> {
                    assertThat(e.getMessage())
                            .contains("Invalid API Key provided")
                            .doesNotContain(KEY);
                    assertThat(e.toString()).doesNotContain(KEY);
                    assertThat(((StripeException) e).retryable()).isFalse();
                });
    }
}
