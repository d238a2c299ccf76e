package io.reroute.platform.allowlist.internal;

import io.reroute.platform.allowlist.AllowlistEntry;
import io.reroute.platform.allowlist.AllowlistPattern;
import io.reroute.platform.allowlist.NewAllowlistEntry;
import io.reroute.platform.audit.AuditLog;
import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.InvalidRequestException;
import io.reroute.platform.web.NotFoundException;
import io.reroute.platform.workspace.GatewayViewChanges;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Allowlist", description = "Destinations that stay reachable for restricted subscribers")
class AllowlistController {

    /** Gateways hold every entry of a region in memory; a bound keeps that predictable. */
    static final int MAX_ENTRIES = 500;

    private final WorkspaceTransactions transactions;
    private final AllowlistRepository entries;
    private final AuditLog audit;
    private final GatewayViewChanges gatewayViews;
    private final Clock clock;

    AllowlistController(
            WorkspaceTransactions transactions,
            AllowlistRepository entries,
            AuditLog audit,
            GatewayViewChanges gatewayViews,
            Clock clock) {
        this.transactions = transactions;
        this.entries = entries;
        this.audit = audit;
        this.gatewayViews = gatewayViews;
        this.clock = clock;
    }

    @GetMapping("/api/v1/workspace/allowlist")
    @Operation(summary = "All allowlist entries, ordered by value")
    Mono<AllowlistPage> list() {
        return transactions.inCurrentWorkspace(
                workspace -> entries.list(workspace).collectList().map(AllowlistPage::new));
    }

    @GetMapping("/api/v1/workspace/allowlist/{id}")
    @Operation(summary = "One allowlist entry")
    Mono<AllowlistEntry> get(@PathVariable UUID id) {
        return transactions
                .inCurrentWorkspace(workspace -> entries.find(workspace, id))
                .switchIfEmpty(Mono.error(new NotFoundException("allowlist entry")));
    }

    @PostMapping("/api/v1/workspace/allowlist")
    @Operation(
            summary = "Add an entry",
            description = "value: a host name (portal.example.net), a wildcard domain"
                    + " matching any depth below it (*.stripe.com), or an IPv4/IPv6 CIDR (203.0.113.0/24).")
    Mono<ResponseEntity<AllowlistEntry>> add(@RequestBody @Valid NewAllowlistEntry request) {
        AllowlistPattern pattern;
        try {
            pattern = AllowlistPattern.parse(request.value());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("value", e.getMessage());
        }
        String note = request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
        var entry = new AllowlistEntry(
                UUID.randomUUID(), pattern.value(), pattern.type(), request.kind(), note, clock.instant());
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(workspace -> gatewayViews
                        .lock(workspace)
                        .then(entries.count(workspace))
                        .flatMap(count -> count >= MAX_ENTRIES
                                ? Mono.error(new ConflictException(
                                        "the allowlist is full (" + MAX_ENTRIES + " entries); remove one first"))
                                : entries.insert(workspace, entry))
                        .onErrorMap(
                                DuplicateKeyException.class,
                                e -> new ConflictException("'" + entry.value() + "' is already on the allowlist"))
                        .then(audit.record(
                                workspace, actor, "allowlist.entry.added", "allowlist/" + entry.id(), describe(entry)))
                        .then(gatewayViews.changed(workspace))
                        .thenReturn(ResponseEntity.created(URI.create("/api/v1/workspace/allowlist/" + entry.id()))
                                .body(entry))));
    }

    @DeleteMapping("/api/v1/workspace/allowlist/{id}")
    @Operation(summary = "Remove an entry")
    Mono<ResponseEntity<Void>> delete(@PathVariable UUID id) {
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(workspace -> gatewayViews
                        .lock(workspace)
                        .then(entries.find(workspace, id))
                        .switchIfEmpty(Mono.error(new NotFoundException("allowlist entry")))
                        .flatMap(entry -> entries.delete(workspace, id)
                                .then(audit.record(
                                        workspace,
                                        actor,
                                        "allowlist.entry.removed",
                                        "allowlist/" + id,
                                        describe(entry)))
                                .then(gatewayViews.changed(workspace)))
                        .thenReturn(ResponseEntity.noContent().build())));
    }

    private static Map<String, Object> describe(AllowlistEntry entry) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("value", entry.value());
        values.put("kind", entry.kind().name());
        values.put("note", entry.note());
        return values;
    }

    record AllowlistPage(List<AllowlistEntry> items) {}
}
