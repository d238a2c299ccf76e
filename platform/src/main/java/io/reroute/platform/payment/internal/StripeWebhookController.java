package io.reroute.platform.payment.internal;

import io.reroute.platform.payment.Checkout;
import io.reroute.platform.payment.Checkouts;
import io.reroute.platform.payment.PaymentProvider;
import io.reroute.platform.payment.PaymentsProperties;
import io.reroute.platform.payment.WorkspacePayments;
import io.reroute.platform.payment.stripe.StripeEvent;
import io.reroute.platform.payment.stripe.StripeSignatureException;
import io.reroute.platform.payment.stripe.StripeWebhooks;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.InvalidRequestException;
import io.reroute.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Stripe's webhook for one workspace's Stripe account. Signed with the workspace's own webhook
 * secret; applied once per event (Stripe delivers at least once, in no particular order), in the
 * same transaction as the payment it records.
 */
@RestController
@Tag(name = "Webhooks", description = "Payment providers telling the platform what happened")
class StripeWebhookController {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);
    private static final Actor STRIPE = new Actor("payment:stripe");

    private final WorkspaceTransactions transactions;
    private final WorkspacePayments settings;
    private final CheckoutRepository repository;
    private final Checkouts checkouts;
    private final PaymentsProperties properties;
    private final Clock clock;

    StripeWebhookController(
            WorkspaceTransactions transactions,
            WorkspacePayments settings,
            CheckoutRepository repository,
            Checkouts checkouts,
            PaymentsProperties properties,
            Clock clock) {
        this.transactions = transactions;
        this.settings = settings;
        this.repository = repository;
        this.checkouts = checkouts;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/webhooks/stripe/{workspace}")
    @Operation(
            summary = "Stripe events of the workspace's Stripe account",
            description = "Checked against the workspace's webhook signing secret (400 when the signature does not"
                    + " match or is older than the tolerance). checkout.session.completed (when paid) and"
                    + " checkout.session.async_payment_succeeded complete the checkout: its invoices are paid and"
                    + " the subscriber re-evaluated; async_payment_failed and expired end an open one. An event"
                    + " delivered again, or arriving after a later one, changes nothing more.")
    Mono<ResponseEntity<Void>> receive(
            @PathVariable String workspace,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] payload) {
        WorkspaceId id;
        try {
            id = WorkspaceId.parse(workspace);
        } catch (IllegalArgumentException e) {
            return Mono.error(new NotFoundException("webhook"));
        }
        return transactions.inWorkspace(id, () -> settings.active(id)
                .filter(active -> active.provider() == PaymentProvider.STRIPE && active.stripeWebhookSecret() != null)
                .switchIfEmpty(Mono.error(new NotFoundException("webhook")))
                .flatMap(active -> {
                    StripeEvent event;
                    try {
                        event = StripeWebhooks.verify(
                                payload == null ? new byte[0] : payload,
                                signature,
                                active.stripeWebhookSecret(),
                                clock.instant(),
                                properties.webhookTolerance());
                    } catch (StripeSignatureException e) {
                        log.warn("Stripe webhook for workspace {} refused: {}", id, e.getMessage());
                        return Mono.error(new InvalidRequestException("Stripe-Signature", e.getMessage()));
                    }
                    return repository
                            .firstDelivery(id, PaymentProvider.STRIPE, event.id(), event.type(), clock.instant())
                            .flatMap(first -> first ? apply(id, event) : Mono.empty());
                })
                .thenReturn(ResponseEntity.ok().build()));
    }

    private Mono<Void> apply(WorkspaceId workspace, StripeEvent event) {
        if (event.checkoutSessionId() == null || !event.type().startsWith("checkout.session.")) {
            return Mono.empty();
        }
        return repository
                .lockByProviderSession(workspace, PaymentProvider.STRIPE, event.checkoutSessionId())
                .flatMap(checkout -> switch (event.type()) {
                    case "checkout.session.completed" ->
                        "paid".equals(event.paymentStatus()) ? complete(workspace, checkout, event) : Mono.empty();
                    case "checkout.session.async_payment_succeeded" -> complete(workspace, checkout, event);
                    case "checkout.session.async_payment_failed" ->
                        checkouts.end(workspace, checkout.id(), Checkout.Status.FAILED);
                    case "checkout.session.expired" -> checkouts.end(workspace, checkout.id(), Checkout.Status.EXPIRED);
                    default -> Mono.empty();
                })
                .then();
    }

    private Mono<Void> complete(WorkspaceId workspace, Checkout checkout, StripeEvent event) {
        if (!matchesAmount(checkout, event)) {
            // Never restore service for less than was asked; staff see the checkout still open.
            log.warn(
                    "Stripe session {} of workspace {} paid {} {} for checkout {} of {} {}: not applied",
                    event.checkoutSessionId(),
                    workspace,
                    event.amountTotal(),
                    event.currency(),
                    checkout.id(),
                    checkout.amount(),
                    checkout.currency());
            return Mono.empty();
        }
        String reference = event.paymentIntent() != null ? event.paymentIntent() : event.checkoutSessionId();
        return checkouts.complete(workspace, checkout.id(), reference, STRIPE).then();
    }

    private static boolean matchesAmount(Checkout checkout, StripeEvent event) {
        return event.amountTotal() != null
                && event.currency() != null
                && event.amountTotal() == checkout.amountInMinorUnits()
                && checkout.currency().equals(event.currency().toUpperCase(Locale.ROOT));
    }
}
