package io.reroute.platform.usage.internal;

import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.usage.NewTopUpProduct;
import io.reroute.platform.usage.TopUpProduct;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.Idempotency;
import io.reroute.platform.web.InvalidRequestException;
import io.reroute.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Top-up products", description = "Data sold on top of a plan's allowance: size, price, validity")
class TopUpProductController {

    private final WorkspaceTransactions transactions;
    private final UsageRepository repository;
    private final Idempotency idempotency;
    private final Clock clock;

    TopUpProductController(
            WorkspaceTransactions transactions, UsageRepository repository, Idempotency idempotency, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @PostMapping("/api/v1/top-up-products")
    @Operation(summary = "Create a top-up product", description = "Without validityDays, a purchase lasts until used.")
    Mono<ResponseEntity<Object>> create(
            @RequestBody @Valid NewTopUpProduct request,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return transactions.inCurrentWorkspace(workspace -> idempotency.once(workspace, key, request, () -> repository
                .workspaceCurrency(workspace)
                .flatMap(currency -> {
                    if (!currency.equals(request.currency())) {
                        return Mono.error(
                                new InvalidRequestException("currency", "this workspace bills in " + currency));
                    }
                    var product = new TopUpProduct(
                            UUID.randomUUID(),
                            request.name().strip(),
                            request.bytes(),
                            request.price().setScale(2),
                            currency,
                            request.validityDays(),
                            true,
                            clock.instant());
                    return repository
                            .insertProduct(workspace, product)
                            .onErrorMap(
                                    DuplicateKeyException.class,
                                    e -> new ConflictException(
                                            "a top-up product named '" + product.name() + "' already exists"))
                            .thenReturn(ResponseEntity.created(URI.create("/api/v1/top-up-products/" + product.id()))
                                    .body(product));
                })));
    }

    @GetMapping("/api/v1/top-up-products")
    @Operation(summary = "Top-up products, smallest first", description = "With active=true, only those still sold.")
    Mono<ProductList> list(@RequestParam(defaultValue = "false") boolean active) {
        return transactions.inCurrentWorkspace(workspace ->
                repository.listProducts(workspace, active).collectList().map(ProductList::new));
    }

    @GetMapping("/api/v1/top-up-products/{id}")
    @Operation(summary = "One top-up product")
    Mono<TopUpProduct> get(@PathVariable UUID id) {
        return transactions
                .inCurrentWorkspace(workspace -> repository.findProduct(workspace, id))
                .switchIfEmpty(Mono.error(new NotFoundException("top-up product")));
    }

    @PatchMapping("/api/v1/top-up-products/{id}")
    @Operation(
            summary = "Stop or resume selling a top-up product",
            description = "Purchases already made keep their data.")
    Mono<TopUpProduct> update(@PathVariable UUID id, @RequestBody @Valid ProductUpdate update) {
        return transactions
                .inCurrentWorkspace(workspace -> repository
                        .setProductActive(workspace, id, update.active(), clock.instant())
                        .filter(Boolean::booleanValue)
                        .flatMap(updated -> repository.findProduct(workspace, id)))
                .switchIfEmpty(Mono.error(new NotFoundException("top-up product")));
    }

    record ProductUpdate(@NotNull Boolean active) {}

    record ProductList(List<TopUpProduct> items) {}
}
