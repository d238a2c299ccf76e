package io.reroute.platform.onboarding.internal;

import io.reroute.platform.onboarding.OnboardingStep;
import io.reroute.platform.staff.StaffAccounts;
import io.reroute.platform.staff.StaffRole;
import io.reroute.platform.staff.StaffSignInAnswer;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.FieldErrors;
import io.reroute.platform.web.InvalidRequestException;
import io.reroute.platform.web.NotFoundException;
import io.reroute.platform.workspace.NewWorkspace;
import io.reroute.platform.workspace.WorkspaceProvisioning;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Onboarding", description = "Opening a workspace for a new ISP, and the setup wizard's progress")
class OnboardingController {

    private final OnboardingProperties properties;
    private final WorkspaceProvisioning provisioning;
    private final StaffAccounts staff;
    private final OnboardingRepository progress;
    private final WorkspaceTransactions transactions;
    private final Clock clock;

    OnboardingController(
            OnboardingProperties properties,
            WorkspaceProvisioning provisioning,
            StaffAccounts staff,
            OnboardingRepository progress,
            WorkspaceTransactions transactions,
            Clock clock) {
        this.properties = properties;
        this.provisioning = provisioning;
        this.staff = staff;
        this.progress = progress;
        this.transactions = transactions;
        this.clock = clock;
    }

    record SignUp(
            String ispName,
            String slug,
            String currency,
            String region,
            String ownerName,
            String ownerEmail,
            String password) {

        @Override
        public String toString() {
            return "SignUp[slug=" + slug + ", ownerEmail=" + ownerEmail + ", password=<hidden>]";
        }
    }

    record StepState(OnboardingStep step, Instant completedAt) {}

    record Progress(List<StepState> steps, OnboardingStep nextStep, boolean completed) {}

    @PostMapping("/api/v1/onboarding")
    @Operation(
            summary = "Open a workspace for a new ISP",
            description = "Creates the workspace and its owner in one transaction and signs the owner in."
                    + " 404 when the operator has switched self-service sign-up off.")
    Mono<ResponseEntity<StaffSignInAnswer>> signUp(@RequestBody SignUp request) {
        if (!properties.selfService()) {
            return Mono.error(new NotFoundException("self-service sign-up"));
        }
        String region = request.region() == null || request.region().isBlank()
                ? properties.regions().getFirst()
                : request.region();
        var owner = new StaffAccounts.NewStaffMember(
                request.ownerEmail(), request.ownerName(), StaffRole.OWNER, request.password());
        var errors = new FieldErrors();
        validateWorkspace(request, errors);
        if (!properties.regions().contains(region)) {
            errors.add("region", "must be one of " + String.join(", ", properties.regions()));
        }
        StaffAccounts.validate(
                owner, Map.of("email", "ownerEmail", "displayName", "ownerName", "password", "password"), errors);
        errors.throwIfAny();
        var ownerId = new AtomicReference<java.util.UUID>();
        var workspace = new NewWorkspace(request.slug(), request.ispName(), region, request.currency());
        Actor signUp = new Actor("sign-up:" + request.ownerEmail().strip().toLowerCase(java.util.Locale.ROOT));
        return staff.hash(owner)
                .flatMap(hashed -> provisioning.provision(
                        workspace, signUp, created -> staff.add(created.id(), hashed, signUp, "ownerEmail")
                                .doOnNext(member -> ownerId.set(member.id()))))
                .flatMap(created -> staff.startSession(created.id(), ownerId.get()))
                .map(session -> ResponseEntity.created(URI.create("/api/v1/workspace"))
                        .cacheControl(CacheControl.noStore())
                        .body(StaffSignInAnswer.of(session)));
    }

    private static void validateWorkspace(SignUp request, FieldErrors errors) {
        if (request.ispName() == null
                || request.ispName().isBlank()
                || request.ispName().length() > 200) {
            errors.add("ispName", "must be 1 to 200 characters");
        }
        if (request.slug() == null || !request.slug().matches("[a-z0-9][a-z0-9-]{1,38}[a-z0-9]")) {
            errors.add("slug", "must be 3 to 40 lower-case letters, digits and '-', not starting or ending with '-'");
        }
        if (request.currency() == null || !request.currency().matches("[A-Z]{3}")) {
            errors.add("currency", "must be an ISO 4217 code such as EUR");
        } else {
            try {
                java.util.Currency.getInstance(request.currency());
            } catch (IllegalArgumentException e) {
                errors.add("currency", "is not an ISO 4217 currency");
            }
        }
    }

    @GetMapping("/api/v1/workspace/onboarding")
    @Operation(summary = "How far the setup wizard got", description = "nextStep is where to resume; null when done.")
    Mono<Progress> progress() {
        return transactions
                .inCurrentWorkspace(workspace -> progress.completed(workspace))
                .map(OnboardingController::view);
    }

    @PutMapping("/api/v1/workspace/onboarding/{step}")
    @Operation(summary = "Mark a wizard step done", description = "Idempotent: the first completion time stays.")
    Mono<Progress> complete(@PathVariable String step) {
        OnboardingStep parsed;
        try {
            parsed = OnboardingStep.valueOf(step);
        } catch (IllegalArgumentException e) {
            return Mono.error(
                    new InvalidRequestException("step", "must be one of " + List.of(OnboardingStep.values())));
        }
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(
                        workspace -> progress.complete(workspace, parsed, clock.instant(), actor)
                                .then(progress.completed(workspace))))
                .map(OnboardingController::view);
    }

    private static Progress view(Map<OnboardingStep, Instant> completed) {
        List<StepState> steps = new ArrayList<>();
        OnboardingStep next = null;
        for (OnboardingStep step : OnboardingStep.values()) {
            steps.add(new StepState(step, completed.get(step)));
            if (next == null && !completed.containsKey(step)) {
                next = step;
            }
        }
        return new Progress(steps, next, next == null);
    }
}
