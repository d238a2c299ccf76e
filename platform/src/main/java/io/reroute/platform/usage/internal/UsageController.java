package io.reroute.platform.usage.internal;

import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.usage.DataGrant;
import io.reroute.platform.usage.NewTopUp;
import io.reroute.platform.usage.Usage;
import io.reroute.platform.usage.UsageLedger;
import io.reroute.platform.usage.UsageSimulation;
import io.reroute.platform.web.Idempotency;
import io.reroute.platform.web.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.util.List;
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
@Tag(name = "Data usage", description = "Usage this cycle, the usage simulator and top-up purchases")
class UsageController {

    private final WorkspaceTransactions transactions;
    private final UsageLedger ledger;
    private final Idempotency idempotency;

    UsageController(WorkspaceTransactions transactions, UsageLedger ledger, Idempotency idempotency) {
        this.transactions = transactions;
        this.ledger = ledger;
        this.idempotency = idempotency;
    }

    @GetMapping("/api/v1/subscribers/{id}/usage")
    @Operation(
            summary = "Data used this cycle, what is left and when it resets",
            description = "Counts both directions. Rollovers and top-ups with data left are listed in the order"
                    + " usage takes them.")
    Mono<Usage> usage(@PathVariable UUID id) {
        return transactions.inCurrentWorkspace(workspace -> ledger.usage(workspace, id));
    }

    @PostMapping("/api/v1/subscribers/{id}/simulate-usage")
    @Operation(
            summary = "What using some bytes now would do",
            description = "Which alerts would fire, whether the subscriber would be capped and after how many"
                    + " bytes, what would be left. Changes nothing.")
    Mono<UsageSimulation> simulate(@PathVariable UUID id, @RequestBody @Valid SimulatedUsage request) {
        return transactions.inCurrentWorkspace(workspace -> ledger.simulate(workspace, id, request.bytes()));
    }

    @PostMapping("/api/v1/subscribers/{id}/top-ups")
    @Operation(
            summary = "Add a top-up",
            description = "Adds the product's data, valid from now for the product's validity; a capped"
                    + " subscriber with data again is restored at once. Supports Idempotency-Key.")
    Mono<ResponseEntity<Object>> topUp(
            @PathVariable UUID id,
            @RequestBody @Valid NewTopUp request,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(
                        workspace -> idempotency.once(workspace, key, new KeyedTopUp(id, request), () -> ledger.topUp(
                                        workspace,
                                        id,
                                        request.productId(),
                                        request.reference() == null
                                                ? null
                                                : request.reference().strip(),
                                        actor)
                                .map(grant -> ResponseEntity.created(
                                                URI.create("/api/v1/subscribers/" + id + "/top-ups/" + grant.id()))
                                        .body(grant)))));
    }

    @GetMapping("/api/v1/subscribers/{id}/top-ups")
    @Operation(summary = "The subscriber's top-ups, newest first")
    Mono<TopUpList> topUps(@PathVariable UUID id, @RequestParam(defaultValue = "50") int limit) {
        int bounded = Pages.limit(limit);
        return transactions.inCurrentWorkspace(
                workspace -> ledger.topUps(workspace, id, bounded).collectList().map(TopUpList::new));
    }

    /** A top-up request as the idempotency record keys it: the same body for another subscriber differs. */
    private record KeyedTopUp(UUID subscriber, NewTopUp request) {}

    record SimulatedUsage(
            @NotNull @PositiveOrZero @Max(1_000_000_000_000_000L)
            Long bytes) {}

    record TopUpList(List<DataGrant> items) {}
}
