package io.reroute.platform.billing.internal;

import io.reroute.platform.billing.NewPayment;
import io.reroute.platform.billing.Payment;
import io.reroute.platform.billing.Payments;
import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.Idempotency;
import io.reroute.platform.web.InvalidRequestException;
import io.reroute.platform.web.NotFoundException;
import io.reroute.platform.web.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
    private final Payments payments;
    private final Idempotency idempotency;

    PaymentController(
            WorkspaceTransactions transactions, BillingRepository billing, Payments payments, Idempotency idempotency) {
        this.transactions = transactions;
        this.billing = billing;
        this.payments = payments;
        this.idempotency = idempotency;
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
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(
                        workspace -> idempotency.once(workspace, key, request, () -> Money.requireWorkspaceCurrency(
                                        billing, workspace, "currency", request.currency())
                                .then(payments.record(workspace, request, actor))
                                .map(payment -> ResponseEntity.created(URI.create("/api/v1/payments/" + payment.id()))
                                        .body(payment)))));
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

    record PaymentPage(List<Payment> items, UUID nextAfter) {}
}
