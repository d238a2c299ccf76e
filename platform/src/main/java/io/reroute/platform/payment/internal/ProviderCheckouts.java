package io.reroute.platform.payment.internal;

import io.reroute.platform.payment.Checkout;
import io.reroute.platform.payment.PaymentProvider;
import io.reroute.platform.payment.PaymentsProperties;
import io.reroute.platform.payment.WorkspacePayments;
import io.reroute.platform.payment.stripe.StripeApi;
import io.reroute.platform.payment.stripe.StripeCheckoutSessionRequest;
import io.reroute.platform.payment.stripe.StripeException;
import io.reroute.platform.subscriber.Subscriber;
import io.reroute.platform.tenancy.WorkspaceId;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** Opens a checkout at the workspace's provider: where the subscriber goes to pay. */
@Component
public class ProviderCheckouts {

    /** At the provider: its id for the checkout and the page the subscriber pays on. */
    public record Opened(String sessionId, String url) {}

    /** The provider refused or could not be reached (502); the subscriber may try again. */
    public static final class ProviderUnavailableException extends ResponseStatusException {

        ProviderUnavailableException(String message, Throwable cause) {
            super(HttpStatus.BAD_GATEWAY, message, cause);
        }
    }

    private final StripeApi stripe;

    ProviderCheckouts(PaymentsProperties properties) {
        this.stripe = new StripeApi(properties.stripeApiBase(), java.time.Duration.ofSeconds(10));
    }

    public Mono<Opened> open(
            WorkspaceId workspace,
            WorkspacePayments.Active provider,
            Checkout checkout,
            String label,
            Subscriber subscriber,
            String portalHost) {
        String back = "https://" + portalHost + "/checkout/" + checkout.id();
        if (provider.provider() == PaymentProvider.SANDBOX) {
            return Mono.just(new Opened("sandbox-" + checkout.id(), back + "/sandbox"));
        }
        var request = new StripeCheckoutSessionRequest(
                checkout.id().toString(),
                Map.of(
                        "checkout_id", checkout.id().toString(),
                        "workspace_id", workspace.toString(),
                        "subscriber_id", subscriber.id().toString(),
                        "account_number", subscriber.accountNumber()),
                checkout.amountInMinorUnits(),
                checkout.currency(),
                label,
                subscriber.email(),
                back,
                "https://" + portalHost + "/",
                checkout.expiresAt(),
                "checkout-" + checkout.id());
        return stripe.createCheckoutSession(provider.stripeSecretKey(), request)
                .map(session -> new Opened(session.id(), session.url()))
                .onErrorMap(
                        StripeException.class,
                        e -> new ProviderUnavailableException("Stripe did not open the payment: " + e.getMessage(), e));
    }
}
