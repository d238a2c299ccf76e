package io.reroute.platform.router.internal;

import io.reroute.platform.router.Router;
import io.reroute.platform.router.RouterJob;
import io.reroute.platform.router.RouterRequest;
import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
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
@Tag(
        name = "Routers",
        description = "MikroTik routers the gateways configure over the RouterOS API: the unpaid-flow script,"
                + " its application, and reconciliation of the restricted address list")
class RouterController {

    private static final int RECENT_JOBS = 20;

    private final WorkspaceTransactions transactions;
    private final RouterService routers;
    private final Idempotency idempotency;

    RouterController(WorkspaceTransactions transactions, RouterService routers, Idempotency idempotency) {
        this.transactions = transactions;
        this.routers = routers;
        this.idempotency = idempotency;
    }

    @GetMapping("/api/v1/routers")
    @Operation(summary = "All routers, by name", description = "Passwords are never shown.")
    Mono<RouterPage> list() {
        return transactions.inCurrentWorkspace(
                workspace -> routers.list(workspace).collectList().map(RouterPage::new));
    }

    @GetMapping("/api/v1/routers/{id}")
    @Operation(summary = "One router, with what the gateways last found on it")
    Mono<Router> get(@PathVariable UUID id) {
        return transactions.inCurrentWorkspace(workspace -> routers.find(workspace, id));
    }

    @PostMapping("/api/v1/routers")
    @Operation(
            summary = "Register a router",
            description = "host: where the region's gateways reach its API (8728, or 8729 with tls)."
                    + " Send an Idempotency-Key to retry safely.")
    Mono<ResponseEntity<Object>> create(
            @RequestBody @Valid RouterRequest request,
            @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(workspace -> idempotency.once(
                        workspace, idempotencyKey, request, () -> routers.create(workspace, actor, request)
                                .map(router -> ResponseEntity.created(URI.create("/api/v1/routers/" + router.id()))
                                        .body(router)))));
    }

    @PutMapping("/api/v1/routers/{id}")
    @Operation(
            summary = "Replace a router's settings",
            description = "Absent optional values take their defaults; an absent password is kept.")
    Mono<Router> replace(@PathVariable UUID id, @RequestBody @Valid RouterRequest request) {
        return WorkspaceContext.actor()
                .flatMap(actor ->
                        transactions.inCurrentWorkspace(workspace -> routers.replace(workspace, actor, id, request)));
    }

    @DeleteMapping("/api/v1/routers/{id}")
    @Operation(
            summary = "Remove a router",
            description = "The gateways close their API session; what was applied stays on the router.")
    Mono<ResponseEntity<Void>> delete(@PathVariable UUID id) {
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(workspace -> routers.delete(workspace, actor, id)))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping(path = "/api/v1/routers/{id}/script", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(
            summary = "The unpaid-flow configuration as a RouterOS script",
            description = "What an apply makes of the router's tagged configuration; safe to run more than once."
                    + " 409 while the workspace has no landing IPv4 address.")
    Mono<String> script(@PathVariable UUID id) {
        return transactions.inCurrentWorkspace(workspace -> routers.script(workspace, id));
    }

    @PostMapping("/api/v1/routers/{id}/test")
    @Operation(summary = "Ask a gateway to log in to the router and read its identity and version")
    Mono<ResponseEntity<RouterJob>> test(@PathVariable UUID id) {
        return request(id, RouterJob.Kind.TEST);
    }

    @PostMapping("/api/v1/routers/{id}/apply")
    @Operation(
            summary = "Ask a gateway to apply the unpaid-flow configuration",
            description = "Adds or updates the tagged objects the script shows, removes tagged ones no longer wanted,"
                    + " moves the firewall rules above the ISP's own; untagged objects are never touched.")
    Mono<ResponseEntity<RouterJob>> apply(@PathVariable UUID id) {
        return request(id, RouterJob.Kind.APPLY);
    }

    @PostMapping("/api/v1/routers/{id}/reconcile")
    @Operation(
            summary = "Ask a gateway to reconcile the router now",
            description = "Compares the restricted address list and the tagged configuration with what the"
                    + " gateways enforce, reports the drift and fixes it. Also runs periodically.")
    Mono<ResponseEntity<RouterJob>> reconcile(@PathVariable UUID id) {
        return request(id, RouterJob.Kind.RECONCILE);
    }

    @GetMapping("/api/v1/routers/{id}/jobs")
    @Operation(summary = "The router's recent jobs, newest first")
    Mono<JobPage> jobs(@PathVariable UUID id) {
        return transactions.inCurrentWorkspace(workspace ->
                routers.jobs(workspace, id, RECENT_JOBS).collectList().map(JobPage::new));
    }

    @GetMapping("/api/v1/routers/{id}/jobs/{jobId}")
    @Operation(summary = "One job: PENDING until a gateway reports, then SUCCEEDED or FAILED with what it did")
    Mono<RouterJob> job(@PathVariable UUID id, @PathVariable UUID jobId) {
        return transactions.inCurrentWorkspace(workspace -> routers.job(workspace, id, jobId));
    }

    @GetMapping("/api/v1/routers/{id}/drift")
    @Operation(
            summary = "The last reconciliation's drift report",
            description = "What differed between the router and the gateways' view, and what was fixed.")
    Mono<RouterService.DriftReport> drift(@PathVariable UUID id) {
        return transactions.inCurrentWorkspace(workspace -> routers.drift(workspace, id));
    }

    private Mono<ResponseEntity<RouterJob>> request(UUID id, RouterJob.Kind kind) {
        return WorkspaceContext.actor()
                .flatMap(actor ->
                        transactions.inCurrentWorkspace(workspace -> routers.request(workspace, actor, id, kind)))
                .map(job -> ResponseEntity.accepted()
                        .location(URI.create("/api/v1/routers/" + id + "/jobs/" + job.id()))
                        .body(job));
    }

    record RouterPage(List<Router> items) {}

    record JobPage(List<RouterJob> items) {}
}
