package io.reroute.platform.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.ProductData;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Talks to Stripe's API for one call at a time with the workspace's own secret key.
 *
 * <p>Built on Stripe's own library (stripe-java): its typed parameters encode the form Stripe
 * wants and it pins the API version its response models are made for. Each call gets a {@link
 * StripeClient} of its own, since workspaces use different keys at once; the library's global
 * settings ({@code Stripe.apiKey}, {@code Stripe.overrideApiBase}) are never touched. The library
 * blocks, so calls run on the bounded elastic scheduler. It does not retry: a failure says whether
 * it is {@linkplain StripeException#retryable() retryable}, and the caller retries with the same
 * idempotency key.
 */
public final class StripeApi {

    public static final URI DEFAULT_API_BASE = URI.create("https://api.stripe.com");

    private static final int CONFLICT = 409;
    private static final int TOO_MANY_REQUESTS = 429;

    private final String apiBase;
    private final int timeoutMillis;

    /**
     * @param apiBase {@link #DEFAULT_API_BASE}, or a fake Stripe in tests
     * @param timeout for connecting, and again for each read of the answer
     */
    public StripeApi(URI apiBase, Duration timeout) {
        // The library appends "/v1/..." to the base.
        this.apiBase = Objects.requireNonNull(apiBase, "api base").toString().replaceAll("/+$", "");
        if (Objects.requireNonNull(timeout, "timeout").isNegative()
                || timeout.isZero()
                || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout out of range: " + timeout);
        }
        this.timeoutMillis = (int) timeout.toMillis();
    }

    /** Creates a Checkout Session in payment mode with one line item; fails with {@link StripeException}. */
    public Mono<StripeCheckoutSession> createCheckoutSession(String secretKey, StripeCheckoutSessionRequest request) {
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("no Stripe secret key");
        }
        Objects.requireNonNull(request, "request");
        return Mono.fromCallable(() -> create(secretKey, request)).subscribeOn(Schedulers.boundedElastic());
    }

    private StripeCheckoutSession create(String secretKey, StripeCheckoutSessionRequest request) {
        StripeClient client = StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(apiBase)
                .setConnectTimeout(timeoutMillis)
                .setReadTimeout(timeoutMillis)
                .setMaxNetworkRetries(0)
                .build();
        var options = RequestOptions.builder()
                .setIdempotencyKey(request.idempotencyKey())
                .build();
        try {
            Session session = client.v1().checkout().sessions().create(params(request), options);
            return new StripeCheckoutSession(
                    session.getId(),
                    session.getUrl(),
                    session.getPaymentStatus(),
                    session.getExpiresAt() == null ? null : Instant.ofEpochSecond(session.getExpiresAt()));
        } catch (com.stripe.exception.StripeException e) {
            throw failure(e, secretKey);
        }
    }

    private static SessionCreateParams params(StripeCheckoutSessionRequest request) {
        var params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(request.clientReferenceId())
                .putAllMetadata(request.metadata())
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl())
                .addLineItem(LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(PriceData.builder()
                                .setCurrency(request.currency())
                                .setUnitAmount(request.amountMinor())
                                .setProductData(ProductData.builder()
                                        .setName(request.productName())
                                        .build())
                                .build())
                        .build());
        if (request.customerEmail() != null) {
            params.setCustomerEmail(request.customerEmail());
        }
        if (request.expiresAt() != null) {
            params.setExpiresAt(request.expiresAt().getEpochSecond());
        }
        return params.build();
    }

    /**
     * Stripe's own message for an error answer, the library's otherwise. The library's exception is
     * not kept as the cause: the key must not reach a log through anything it says.
     */
    private static StripeException failure(com.stripe.exception.StripeException e, String secretKey) {
        // 0 also when the library refused to send (a key with whitespace): not worth retrying.
        int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
        boolean noAnswer = e instanceof ApiConnectionException;
        String what =
                noAnswer ? "Stripe did not answer" : status == 0 ? "not sent to Stripe" : "Stripe answered " + status;
        String detail = e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage()
                : e.getMessage();
        String message = what + ": " + detail + (e.getRequestId() == null ? "" : " (request " + e.getRequestId() + ")");
        boolean retryable = noAnswer || status >= 500 || status == CONFLICT || status == TOO_MANY_REQUESTS;
        return new StripeException(message.replace(secretKey, "<secret key>"), status, retryable);
    }
}
