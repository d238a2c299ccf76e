package io.reroute.platform.billing.internal;

import io.reroute.platform.billing.Invoice;
import io.reroute.platform.billing.NewInvoice;
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
import java.net.URI;
import java.time.Clock;
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
@Tag(name = "Invoices", description = "Invoices to subscribers; open ones past due drive the state machine")
class InvoiceController {

    private final WorkspaceTransactions transactions;
    private final BillingRepository billing;
    private final Transitions transitions;
    private final Idempotency idempotency;
    private final Clock clock;

    InvoiceController(
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

    @PostMapping("/api/v1/invoices")
    @Operation(
            summary = "Issue an invoice",
            description = "One already past due takes effect at once (reminder or block).")
    Mono<ResponseEntity<Object>> create(
            @RequestBody @Valid NewInvoice request,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(workspace -> idempotency.once(
                        workspace, key, request, () -> billing.subscriberExists(workspace, request.subscriberId())
                                .flatMap(exists -> exists
                                        ? Money.requireWorkspaceCurrency(
                                                billing, workspace, "currency", request.currency())
                                        : Mono.error(new InvalidRequestException(
                                                "subscriberId", "no subscriber with this id")))
                                .flatMap(currency -> {
                                    var invoice = new Invoice(
                                            UUID.randomUUID(),
                                            request.subscriberId(),
                                            request.number().strip(),
                                            request.amount().setScale(2),
                                            currency,
                                            request.dueDate(),
                                            Invoice.Status.OPEN,
                                            clock.instant(),
                                            null,
                                            null,
                                            null);
                                    return billing.insertInvoice(workspace, invoice)
                                            .onErrorMap(
                                                    DuplicateKeyException.class,
                                                    e -> new ConflictException("invoice number '" + invoice.number()
                                                            + "' is already in use"))
                                            .then(transitions.reevaluate(workspace, invoice.subscriberId(), actor))
                                            .thenReturn(ResponseEntity.created(
                                                            URI.create("/api/v1/invoices/" + invoice.id()))
                                                    .body(invoice));
                                }))));
    }

    @GetMapping("/api/v1/invoices")
    @Operation(summary = "List invoices, optionally of one subscriber or in one status")
    Mono<InvoicePage> list(
            @RequestParam(required = false) UUID subscriberId,
            @RequestParam(required = false) Invoice.Status status,
            @RequestParam(required = false) UUID after,
            @RequestParam(required = false) Integer limit) {
        int size = Pages.limit(limit);
        return transactions.inCurrentWorkspace(workspace -> billing.listInvoices(
                        workspace,
                        Optional.ofNullable(subscriberId),
                        Optional.ofNullable(status),
                        size + 1,
                        Optional.ofNullable(after))
                .collectList()
                .map(items -> Pages.page(items, size, Invoice::id, InvoicePage::new)));
    }

    @GetMapping("/api/v1/invoices/{id}")
    @Operation(summary = "One invoice")
    Mono<Invoice> get(@PathVariable UUID id) {
        return transactions
                .inCurrentWorkspace(workspace -> billing.findInvoice(workspace, id, false))
                .switchIfEmpty(Mono.error(new NotFoundException("invoice")));
    }

    @PostMapping("/api/v1/invoices/{id}/void")
    @Operation(
            summary = "Void an open invoice",
            description = "It no longer counts as overdue; a subscriber restricted only"
                    + " because of it is restored at once.")
    Mono<Invoice> voidInvoice(@PathVariable UUID id) {
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(workspace -> billing.findInvoice(workspace, id, true)
                        .switchIfEmpty(Mono.error(new NotFoundException("invoice")))
                        .flatMap(invoice -> invoice.status() != Invoice.Status.OPEN
                                ? Mono.error(new ConflictException("invoice " + invoice.number() + " is "
                                        + invoice.status() + "; only an open invoice can be voided"))
                                : billing.voidInvoice(workspace, id, clock.instant())
                                        .then(transitions.reevaluate(workspace, invoice.subscriberId(), actor))
                                        .then(billing.findInvoice(workspace, id, false)))));
    }

    record InvoicePage(List<Invoice> items, UUID nextAfter) {}
}
