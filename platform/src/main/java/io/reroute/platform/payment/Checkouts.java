package io.reroute.platform.payment;

import io.reroute.platform.billing.Invoice;
import io.reroute.platform.billing.NewPayment;
import io.reroute.platform.billing.Payment;
import io.reroute.platform.billing.Payments;
import io.reroute.platform.payment.internal.CheckoutRepository;
import io.reroute.platform.payment.internal.ProviderCheckouts;
import io.reroute.platform.subscriber.Subscriber;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.usage.UsageLedger;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.InvalidRequestException;
import io.reroute.platform.web.NotFoundException;
import io.reroute.platform.workspace.Workspaces;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Subscribers paying in the portal: a checkout pays all their open invoices, or buys a top-up, at
 * the workspace's payment provider. Completion goes through the same payment and enforcement path
 * as any payment, so paying the overdue balance restores service at once.
 */
@Service
public class Checkouts {

    private static final Logger log = LoggerFactory.getLogger(Checkouts.class);
    private static final int MAX_INVOICES = 100;

    private final WorkspaceTransactions transactions;
    private final CheckoutRepository repository;
    private final ProviderCheckouts providers;
    private final WorkspacePayments settings;
    private final Payments payments;
    private final UsageLedger usage;
    private final Workspaces workspaces;
    private final PaymentsProperties properties;
    private final Clock clock;

    Checkouts(
            WorkspaceTransactions transactions,
            CheckoutRepository repository,
            ProviderCheckouts providers,
            WorkspacePayments settings,
            Payments payments,
            UsageLedger usage,
            Workspaces workspaces,
            PaymentsProperties properties,
            Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.providers = providers;
        this.settings = settings;
        this.payments = payments;
        this.usage = usage;
        this.workspaces = workspaces;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts (or, when one for the same thing is still open, reuses) a checkout and opens it at the
     * provider; {@code portalHost} is where the subscriber comes back to. Runs its own transactions,
     * and none while the provider is asked.
     */
    public Mono<Checkout> start(
            WorkspaceId workspace, Subscriber subscriber, Checkout.Purpose purpose, UUID productId, String portalHost) {
        return transactions
                .inWorkspace(workspace, () -> prepare(workspace, subscriber.id(), purpose, productId))
                .flatMap(prepared -> prepared.checkout().redirectUrl() != null
                        ? Mono.just(prepared.checkout())
                        : providers
                                .open(
                                        workspace,
                                        prepared.provider(),
                                        prepared.checkout(),
                                        prepared.label(),
                                        subscriber,
                                        portalHost)
                                .flatMap(opened -> transactions.inWorkspace(workspace, () -> repository
                                        .attach(workspace, prepared.checkout().id(), opened.sessionId(), opened.url())
                                        .thenReturn(prepared.checkout()
                                                .withProviderSession(opened.sessionId(), opened.url()))))
                                .onErrorResume(ProviderCheckouts.ProviderUnavailableException.class, e -> transactions
                                        .inWorkspace(
                                                workspace,
                                                () -> repository.end(
                                                        workspace,
                                                        prepared.checkout().id(),
                                                        Checkout.Status.FAILED,
                                                        clock.instant()))
                                        .then(Mono.error(e))));
    }

    /** The subscriber's checkout; empty for another subscriber's or another workspace's. */
    public Mono<Checkout> find(WorkspaceId workspace, UUID subscriber, UUID checkout) {
        return transactions.inWorkspace(
                workspace, () -> repository.find(workspace, checkout, false).filter(c -> c.subscriberId()
                        .equals(subscriber)));
    }

    /**
     * Completes a checkout the provider says was paid, once: pays what is still open of its invoices
     * (or sells its top-up) and re-evaluates the subscriber. Call inside the workspace's transaction;
     * a completed checkout is returned as it is.
     */
    public Mono<Checkout> complete(WorkspaceId workspace, UUID checkoutId, String providerReference, Actor actor) {
        return repository
                .find(workspace, checkoutId, true)
                .switchIfEmpty(Mono.error(new NotFoundException("checkout")))
                .flatMap(checkout -> checkout.status() == Checkout.Status.COMPLETED
                        ? Mono.just(checkout)
                        : settle(workspace, checkout, providerReference, actor)
                                .flatMap(payment -> repository.complete(
                                        workspace, checkout.id(), payment.orElse(null), clock.instant()))
                                .then(repository.find(workspace, checkoutId, false)));
    }

    /** Ends an open checkout the provider says was abandoned or refused; a completed one stays completed. */
    public Mono<Void> end(WorkspaceId workspace, UUID checkoutId, Checkout.Status status) {
        return repository.end(workspace, checkoutId, status, clock.instant());
    }

    /** Completes a sandbox checkout as if paid: only where the sandbox is switched on. */
    public Mono<Checkout> completeInSandbox(WorkspaceId workspace, UUID subscriber, UUID checkoutId) {
        if (!properties.sandboxEnabled()) {
            return Mono.error(new NotFoundException("checkout"));
        }
        return transactions.inWorkspace(workspace, () -> repository
                .find(workspace, checkoutId, true)
                .filter(c -> c.subscriberId().equals(subscriber) && c.provider() == PaymentProvider.SANDBOX)
                .switchIfEmpty(Mono.error(new NotFoundException("checkout")))
                .flatMap(c -> {
                    if (c.status() == Checkout.Status.EXPIRED || c.status() == Checkout.Status.FAILED) {
                        return Mono.error(new ConflictException("this payment was "
                                + c.status().name().toLowerCase(Locale.ROOT) + "; start a new one"));
                    }
                    return complete(workspace, c.id(), "sandbox-" + c.id(), new Actor("payment:sandbox"));
                }));
    }

    private record Prepared(Checkout checkout, WorkspacePayments.Active provider, String label) {}

    private Mono<Prepared> prepare(WorkspaceId workspace, UUID subscriber, Checkout.Purpose purpose, UUID productId) {
        Instant now = clock.instant();
        return settings.active(workspace)
                .switchIfEmpty(Mono.error(
                        new ConflictException("this provider takes no online payments yet; contact them to pay")))
                .flatMap(provider -> Mono.zip(
                                workspaces.find(workspace).map(w -> w.currency()),
                                what(workspace, subscriber, purpose, productId))
                        .flatMap(found -> {
                            What what = found.getT2();
                            var checkout = new Checkout(
                                    UUID.randomUUID(),
                                    subscriber,
                                    purpose,
                                    provider.provider(),
                                    what.invoiceIds(),
                                    productId,
                                    what.amount(),
                                    found.getT1(),
                                    Checkout.Status.OPEN,
                                    null,
                                    null,
                                    null,
                                    now,
                                    now.plus(properties.checkoutTtl()),
                                    null);
                            return repository
                                    .open(workspace, subscriber, now)
                                    .filter(open -> open.provider() == checkout.provider()
                                            && open.purpose() == purpose
                                            && open.invoiceIds().equals(checkout.invoiceIds())
                                            && java.util.Objects.equals(open.topUpProductId(), productId)
                                            && open.redirectUrl() != null)
                                    .next()
                                    .switchIfEmpty(repository
                                            .insert(workspace, checkout)
                                            .thenReturn(checkout))
                                    .map(c -> new Prepared(c, provider, what.label()));
                        }));
    }

    /** What a checkout pays for: the invoices and their total, or the product and its price. */
    private record What(List<UUID> invoiceIds, BigDecimal amount, String label) {}

    private Mono<What> what(WorkspaceId workspace, UUID subscriber, Checkout.Purpose purpose, UUID productId) {
        if (purpose == Checkout.Purpose.TOP_UP) {
            if (productId == null) {
                return Mono.error(new InvalidRequestException("productId", "is required for a top-up"));
            }
            return usage.usage(workspace, subscriber)
                    .filter(current -> current.allowanceBytes() != null)
                    .switchIfEmpty(
                            Mono.error(new ConflictException("the plan has no data cap: a top-up would add nothing")))
                    .then(usage.product(workspace, productId))
                    .filter(product -> product.active() && product.price().signum() > 0)
                    .switchIfEmpty(Mono.error(new InvalidRequestException("productId", "no such top-up on sale")))
                    .map(product -> new What(List.of(), product.price(), product.name()));
        }
        if (productId != null) {
            return Mono.error(new InvalidRequestException("productId", "is only for a top-up"));
        }
        return payments.invoices(workspace, subscriber, Optional.of(Invoice.Status.OPEN), MAX_INVOICES)
                .collectList()
                .flatMap(open -> {
                    if (open.isEmpty()) {
                        return Mono.error(new ConflictException("there is nothing to pay"));
                    }
                    var ids = open.stream().map(Invoice::id).sorted().toList();
                    var total = open.stream().map(Invoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                    String label =
                            open.size() == 1 ? "Invoice " + open.getFirst().number() : open.size() + " invoices";
                    return Mono.just(new What(ids, total, label));
                });
    }

    /** The payment the completed checkout becomes; empty when nothing it paid for was still open. */
    private Mono<Optional<UUID>> settle(
            WorkspaceId workspace, Checkout checkout, String providerReference, Actor actor) {
        String provider = checkout.provider().name().toLowerCase(Locale.ROOT);
        if (checkout.purpose() == Checkout.Purpose.TOP_UP) {
            return payments.issue(
                            workspace,
                            checkout.subscriberId(),
                            "TU-" + checkout.id().toString().substring(0, 8).toUpperCase(Locale.ROOT),
                            checkout.amount(),
                            checkout.currency())
                    .flatMap(invoice -> payments.record(
                            workspace,
                            new NewPayment(
                                    checkout.subscriberId(),
                                    List.of(invoice.id()),
                                    invoice.amount(),
                                    invoice.currency(),
                                    provider,
                                    providerReference),
                            actor))
                    .flatMap(payment -> usage.topUp(
                                    workspace,
                                    checkout.subscriberId(),
                                    checkout.topUpProductId(),
                                    providerReference,
                                    actor)
                            .thenReturn(Optional.of(payment.id())));
        }
        return payments.lockInvoices(workspace, checkout.invoiceIds())
                .filter(invoice -> invoice.status() == Invoice.Status.OPEN)
                .collectList()
                .flatMap(open -> {
                    if (open.size() < checkout.invoiceIds().size()) {
                        // Paid some other way meanwhile (staff, the ISP's billing): the provider took
                        // the money all the same, so the difference is owed back to the subscriber.
                        log.warn(
                                "checkout {} of workspace {} paid invoices already paid: {} of {} still open",
                                checkout.id(),
                                workspace,
                                open.size(),
                                checkout.invoiceIds().size());
                    }
                    if (open.isEmpty()) {
                        return Mono.just(Optional.<UUID>empty());
                    }
                    var total = open.stream().map(Invoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                    return payments.record(
                                    workspace,
                                    new NewPayment(
                                            checkout.subscriberId(),
                                            open.stream().map(Invoice::id).toList(),
                                            total,
                                            checkout.currency(),
                                            provider,
                                            providerReference),
                                    actor)
                            .map(Payment::id)
                            .map(Optional::of);
                });
    }
}
