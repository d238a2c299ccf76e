package io.reroute.platform.payment.internal;

import io.reroute.platform.payment.WorkspacePayments;
import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Workspace", description = "The workspace and its settings")
class PaymentProviderController {

    private final WorkspaceTransactions transactions;
    private final WorkspacePayments payments;

    PaymentProviderController(WorkspaceTransactions transactions, WorkspacePayments payments) {
        this.transactions = transactions;
        this.payments = payments;
    }

    @GetMapping("/api/v1/workspace/payment-provider")
    @Operation(
            summary = "Where subscribers pay in the portal",
            description = "The secrets are never shown, only whether they are set.")
    Mono<WorkspacePayments.Settings> get() {
        return transactions.inCurrentWorkspace(payments::settings);
    }

    @PutMapping("/api/v1/workspace/payment-provider")
    @Operation(
            summary = "Choose the payment provider",
            description = "STRIPE needs the account's secret key and webhook signing secret (kept sealed; a null"
                    + " one keeps what is stored). Point the Stripe webhook at stripeWebhookPath on the platform's"
                    + " public URL. SANDBOX only where the platform's sandbox is switched on.")
    Mono<WorkspacePayments.Settings> put(@RequestBody WorkspacePayments.Change change) {
        return WorkspaceContext.actor()
                .flatMap(actor ->
                        transactions.inCurrentWorkspace(workspace -> payments.change(workspace, change, actor)));
    }
}
