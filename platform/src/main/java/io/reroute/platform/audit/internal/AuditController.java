package io.reroute.platform.audit.internal;

import io.reroute.platform.audit.AuditEvent;
import io.reroute.platform.audit.AuditLog;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Audit", description = "Who changed what in this workspace")
class AuditController {

    private final WorkspaceTransactions transactions;
    private final AuditLog audit;

    AuditController(WorkspaceTransactions transactions, AuditLog audit) {
        this.transactions = transactions;
        this.audit = audit;
    }

    @GetMapping("/api/v1/workspace/audit-events")
    @Operation(
            summary = "List audited changes, newest first",
            description = "Pass nextBefore as before for the next page.")
    Mono<AuditPage> list(@RequestParam(required = false) Long before, @RequestParam(required = false) Integer limit) {
        int size = Pages.limit(limit);
        // One more than asked tells whether another page follows.
        return transactions.inCurrentWorkspace(workspace -> audit.list(workspace, size + 1, Optional.ofNullable(before))
                .collectList()
                .map(items -> Pages.page(items, size, AuditEvent::id, AuditPage::new)));
    }

    record AuditPage(List<AuditEvent> items, Long nextBefore) {}
}
