package io.reroute.platform.billing.internal;

import io.reroute.platform.billing.DataCap;
import io.reroute.platform.billing.NewPlan;
import io.reroute.platform.billing.Plan;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.FieldError;
import io.reroute.platform.web.Idempotency;
import io.reroute.platform.web.InvalidRequestException;
import io.reroute.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Plans", description = "Service plans: price, billing cycle and rate limits")
class PlanController {

    private final WorkspaceTransactions transactions;
    private final BillingRepository billing;
    private final Idempotency idempotency;
    private final Clock clock;

    PlanController(
            WorkspaceTransactions transactions, BillingRepository billing, Idempotency idempotency, Clock clock) {
        this.transactions = transactions;
        this.billing = billing;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @PostMapping("/api/v1/plans")
    @Operation(summary = "Create a plan")
    Mono<ResponseEntity<Object>> create(
            @RequestBody @Valid NewPlan request,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        checkDataCap(request.dataCap());
        return transactions.inCurrentWorkspace(
                workspace -> idempotency.once(workspace, key, request, () -> Money.requireWorkspaceCurrency(
                                billing, workspace, "currency", request.currency())
                        .flatMap(currency -> {
                            var plan = new Plan(
                                    UUID.randomUUID(),
                                    request.name().strip(),
                                    request.price().setScale(2),
                                    currency,
                                    request.billingCycle(),
                                    request.downloadKbps(),
                                    request.uploadKbps(),
                                    request.dataCap(),
                                    clock.instant());
                            return billing.insertPlan(workspace, plan)
                                    .onErrorMap(
                                            DuplicateKeyException.class,
                                            e -> new ConflictException(
                                                    "a plan named '" + plan.name() + "' already exists"))
                                    .thenReturn(ResponseEntity.created(URI.create("/api/v1/plans/" + plan.id()))
                                            .body(plan));
                        })));
    }

    @GetMapping("/api/v1/plans")
    @Operation(summary = "All plans, by name")
    Mono<PlanList> list() {
        return transactions.inCurrentWorkspace(
                workspace -> billing.listPlans(workspace).collectList().map(PlanList::new));
    }

    @GetMapping("/api/v1/plans/{id}")
    @Operation(summary = "One plan")
    Mono<Plan> get(@PathVariable UUID id) {
        return transactions
                .inCurrentWorkspace(workspace -> billing.findPlan(workspace, id))
                .switchIfEmpty(Mono.error(new NotFoundException("plan")));
    }

    /** What bean validation cannot say about a data cap: the fields that go together. */
    private static void checkDataCap(DataCap cap) {
        if (cap == null) {
            return;
        }
        var errors = new ArrayList<FieldError>();
        if (cap.cycleAnchor() == DataCap.CycleAnchor.SIGNUP && cap.cycleDay() != null) {
            errors.add(new FieldError(
                    "dataCap.cycleDay", "cycles anchored on the signup day start on that day; leave cycleDay out"));
        }
        if (cap.cycleAnchor() == DataCap.CycleAnchor.DAY_OF_MONTH && cap.cycleDay() == null) {
            errors.add(new FieldError("dataCap.cycleDay", "the day of the month each cycle starts, 1 to 31"));
        }
        if (cap.capAction() == DataCap.CapAction.THROTTLE && cap.throttle() == null) {
            errors.add(new FieldError("dataCap.throttle", "throttling at the cap needs the speed to throttle to"));
        }
        if (cap.capAction() == DataCap.CapAction.REDIRECT && cap.throttle() != null) {
            errors.add(new FieldError("dataCap.throttle", "only with capAction THROTTLE"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    record PlanList(List<Plan> items) {}
}
