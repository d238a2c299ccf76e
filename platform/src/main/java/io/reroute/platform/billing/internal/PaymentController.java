package io.reroute.platform.billing.internal;

import io.reroute.platform.billing.Invoice;
import io.reroute.platform.billing.NewPayment;
import io.reroute.platform.billing.Payment;
import io.reroute.platform.enforcement.Transitions;
import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.Idempotency;
import io.reroute.platform.web.InvalidRequestException;
import io.reroute.platform.web.NotFoundException;
import io.reroute.platform.web.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Payments", description = "Money received; paying the whole overdue balance restores service at once")
class PaymentController {

    private final WorkspaceTransactions transactions;
    private final BillingRepository billing;
    private final Transitions transitions;
    private final Idempotency idempotency;
    private final Clock clock;

    PaymentController(
            WorkspaceTransactions transactions,
            BillingRepository billing,
            Transitions transitions,
            Idempotency idempotency,
            Clock clock) {
        this.transactions = transactions;
        this.billing = billing;
        this.transitions = transitions;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @PostMapping("/api/v1/payments")
    @Operation(
            summary = "Record a payment of whole invoices",
            description = "Idempotency-Key is required: a retry returns"
                    + " the first result and pays once. The subscriber is re-evaluated in the same transaction.")
    Mono<ResponseEntity<Object>> pay(
            @RequestBody @Valid NewPayment request,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        if (key == null) {
            throw new InvalidRequestException(Idempotency.HEADER, "is required for payments");
        }
        List<UUID> invoiceIds = List.copyOf(new LinkedHashSet<>(request.invoiceIds()));
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(
                        workspace -> idempotency.once(workspace, key, request, () -> Money.requireWorkspaceCurrency(
                                        billing, workspace, "currency", request.currency())
                                .then(billing.lockInvoices(workspace, invoiceIds)
                                        .collectList())
                                .flatMap(invoices -> {
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
                                                    e -> new ConflictException("a payment with "
                                                            + payment.provider() + " reference '"
                                                            + payment.providerReference()
                                                            + "' was already recorded"))
                                            .then(billing.markPaid(
                                                    workspace, invoiceIds, payment.id(), payment.receivedAt()))
                                            .then(transitions.reevaluate(workspace, payment.subscriberId(), actor))
                                            .thenReturn(ResponseEntity.created(
                                                            URI.create("/api/v1/payments/" + payment.id()))
                                                    .body(payment));
                                }))));
    }

    @GetMapping("/api/v1/payments")
    @Operation(summary = "List payments, optionally of one subscriber")
    Mono<PaymentPage> list(
            @RequestParam(required = false) UUID subscriberId,
            @RequestParam(required = false) UUID after,
            @RequestParam(required = false) Integer limit) {
        int size = Pages.limit(limit);
        return transactions.inCurrentWorkspace(workspace -> billing.listPayments(
                        workspace, Optional.ofNullable(subscriberId), size + 1, Optional.ofNullable(after))
                .collectList()
                .map(items -> Pages.page(items, size, Payment::id, PaymentPage::new)));
    }

    @GetMapping("/api/v1/payments/{id}")
    @Operation(summary = "One payment")
    Mono<Payment> get(@PathVariable UUID id) {
        return transactions
                .inCurrentWorkspace(workspace -> billing.findPayment(workspace, id))
                .switchIfEmpty(Mono.error(new NotFoundException("payment")));
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

    record PaymentPage(List<Payment> items, UUID nextAfter) {}
}
