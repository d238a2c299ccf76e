package io.reroute.platform.billing;

import io.reroute.platform.billing.internal.BillingRepository;
import io.reroute.platform.enforcement.Transitions;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Money received: whether staff record it, an ISP's billing system posts it, or a subscriber pays in
 * the portal, it goes through here. Every call runs inside the caller's workspace transaction.
 */
@Service
public class Payments {

    private final BillingRepository billing;
    private final Transitions transitions;
    private final Clock clock;

    Payments(BillingRepository billing, Transitions transitions, Clock clock) {
        this.billing = billing;
        this.transitions = transitions;
        this.clock = clock;
    }

    /**
     * Pays whole open invoices of one subscriber and re-evaluates the subscriber at once, so that
     * paying the overdue balance restores service in the same transaction.
     */
    public Mono<Payment> record(WorkspaceId workspace, NewPayment request, Actor actor) {
        List<UUID> invoiceIds = List.copyOf(new LinkedHashSet<>(request.invoiceIds()));
        return billing.lockInvoices(workspace, invoiceIds).collectList().flatMap(invoices -> {
            check(request, invoiceIds, invoices);
            var payment = new Payment(
                    UUID.randomUUID(),
                    request.subscriberId(),
                    request.provider().strip(),
                    request.providerReference().strip(),
                    request.amount().setScale(2),
                    request.currency(),
                    invoiceIds,
                    clock.instant());
            return billing.insertPayment(workspace, payment)
                    .onErrorMap(
                            DuplicateKeyException.class,
                            e -> new ConflictException("a payment with " + payment.provider() + " reference '"
                                    + payment.providerReference() + "' was already recorded"))
                    .then(billing.markPaid(workspace, invoiceIds, payment.id(), payment.receivedAt()))
                    .then(transitions.reevaluate(workspace, payment.subscriberId(), actor))
                    .thenReturn(payment);
        });
    }

    /** Issues an invoice for something sold on the spot (a top-up), due today; pay it with {@link #record}. */
    public Mono<Invoice> issue(
            WorkspaceId workspace, UUID subscriber, String number, BigDecimal amount, String currency) {
        var now = clock.instant();
        var invoice = new Invoice(
                UUID.randomUUID(),
                subscriber,
                number,
                amount.setScale(2),
                currency,
                LocalDate.ofInstant(now, ZoneOffset.UTC),
                Invoice.Status.OPEN,
                now,
                null,
                null,
                null);
        return billing.insertInvoice(workspace, invoice).thenReturn(invoice);
    }

    /** A subscriber's invoices, optionally of one status, oldest first. */
    public Flux<Invoice> invoices(WorkspaceId workspace, UUID subscriber, Optional<Invoice.Status> status, int limit) {
        return billing.listInvoices(workspace, Optional.of(subscriber), status, limit, Optional.empty());
    }

    public Mono<Invoice> invoice(WorkspaceId workspace, UUID id) {
        return billing.findInvoice(workspace, id, false);
    }

    /** Locks the given invoices of the workspace until the transaction ends. */
    public Flux<Invoice> lockInvoices(WorkspaceId workspace, List<UUID> ids) {
        return billing.lockInvoices(workspace, ids);
    }

    public Flux<Payment> payments(WorkspaceId workspace, UUID subscriber, int limit) {
        return billing.listPayments(workspace, Optional.of(subscriber), limit, Optional.empty());
    }

    public Mono<Payment> payment(WorkspaceId workspace, UUID id) {
        return billing.findPayment(workspace, id);
    }

    /** The invoices must all exist here, belong to the subscriber, be open, and add up to the amount. */
    private static void check(NewPayment request, List<UUID> ids, List<Invoice> invoices) {
        for (UUID id : ids) {
            Invoice invoice =
                    invoices.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
            if (invoice == null || !invoice.subscriberId().equals(request.subscriberId())) {
                throw new InvalidRequestException("invoiceIds", "no invoice " + id + " for this subscriber");
            }
            if (invoice.status() != Invoice.Status.OPEN) {
                throw new ConflictException(
                        "invoice " + invoice.number() + " is " + invoice.status() + " and cannot be paid");
            }
        }
        BigDecimal total = invoices.stream().map(Invoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(request.amount()) != 0) {
            throw new InvalidRequestException(
                    "amount",
                    "must equal the invoices' total " + total.toPlainString() + "; partial payments are not taken");
        }
    }
}
