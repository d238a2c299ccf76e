package io.reroute.platform.nas.internal;

import io.reroute.platform.nas.NasClient;
import io.reroute.platform.nas.NasClientRequest;
import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "NAS clients", description = "Routers and access servers that may send RADIUS requests to the gateways")
class NasClientController {

    private final WorkspaceTransactions transactions;
    private final NasClientService nasClients;
    private final Idempotency idempotency;

    NasClientController(WorkspaceTransactions transactions, NasClientService nasClients, Idempotency idempotency) {
        this.transactions = transactions;
        this.nasClients = nasClients;
        this.idempotency = idempotency;
    }

    @GetMapping("/api/v1/nas-clients")
    @Operation(summary = "All NAS clients, by name", description = "Shared secrets are never shown.")
    Mono<NasClientPage> list() {
        return transactions.inCurrentWorkspace(
                workspace -> nasClients.list(workspace).collectList().map(NasClientPage::new));
    }

    @GetMapping("/api/v1/nas-clients/{id}")
    @Operation(summary = "One NAS client")
    Mono<NasClient> get(@PathVariable UUID id) {
        return transactions.inCurrentWorkspace(workspace -> nasClients.find(workspace, id));
    }

    @PostMapping("/api/v1/nas-clients")
    @Operation(
            summary = "Register a NAS client",
            description = "address: the source address its RADIUS requests come from, unique in the region."
                    + " secret: the shared secret, 16 to 128 characters. The region's gateways answer it within"
                    + " a second. Send an Idempotency-Key to retry safely.")
    Mono<ResponseEntity<Object>> create(
            @RequestBody @Valid NasClientRequest request,
            @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(
                        workspace -> idempotency.once(workspace, idempotencyKey, request, () -> nasClients
                                .create(workspace, actor, request)
                                .map(nas -> ResponseEntity.created(URI.create("/api/v1/nas-clients/" + nas.id()))
                                        .body(nas)))));
    }

    @PutMapping("/api/v1/nas-clients/{id}")
    @Operation(
            summary = "Replace a NAS client",
            description = "Absent optional values take their defaults; an absent secret is kept.")
    Mono<NasClient> replace(@PathVariable UUID id, @RequestBody @Valid NasClientRequest request) {
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(
                        workspace -> nasClients.replace(workspace, actor, id, request)));
    }

    @DeleteMapping("/api/v1/nas-clients/{id}")
    @Operation(
            summary = "Remove a NAS client",
            description = "Its requests are dropped from then on; subscribers bound to it become unbound.")
    Mono<ResponseEntity<Void>> delete(@PathVariable UUID id) {
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(workspace -> nasClients.delete(workspace, actor, id)))
                .thenReturn(ResponseEntity.noContent().build());
    }

    record NasClientPage(List<NasClient> items) {}
}
