package io.reroute.platform.workspace;

import io.reroute.platform.audit.AuditLog;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceId;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.FieldErrors;
import io.reroute.platform.workspace.internal.WorkspaceRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Opens a workspace with sensible default settings. The new workspace's own id is bound to the
 * transaction, so row-level security admits exactly its rows and nothing else.
 */
@Service
public class WorkspaceProvisioning {

    private final WorkspaceTransactions transactions;
    private final WorkspaceRepository workspaces;
    private final AuditLog audit;
    private final Clock clock;

    public WorkspaceProvisioning(
            WorkspaceTransactions transactions, WorkspaceRepository workspaces, AuditLog audit, Clock clock) {
        this.transactions = transactions;
        this.workspaces = workspaces;
        this.audit = audit;
        this.clock = clock;
    }

    public Mono<Workspace> provision(NewWorkspace request, Actor actor) {
        return provision(request, actor, workspace -> Mono.empty());
    }

    /**
     * Opens a workspace and, in the same transaction, whatever else it must not exist without (its
     * owner, for a workspace opened by sign-up): either all of it is written or none.
     */
    public Mono<Workspace> provision(NewWorkspace request, Actor actor, Function<Workspace, Mono<?>> alongside) {
        validate(request);
        Instant now = clock.instant();
        var workspace = new Workspace(
                WorkspaceId.random(),
                request.slug(),
                request.displayName().strip(),
                request.region(),
                request.currency(),
                now);
        var settings = new WorkspaceSettings(
                1,
                workspace.displayName(),
                new Branding(
                        null,
                        "#1f6feb",
                        "#0b3d91",
                        workspace.displayName(),
                        "Your internet service is restricted because your account has an overdue balance."
                                + " Pay now and it is restored within seconds.",
                        "Pay Now",
                        null),
                null,
                new LandingAddresses(null, null),
                new MailSender(workspace.displayName(), null),
                new EnforcementThresholds(3, 14, BigDecimal.ZERO.setScale(2)),
                RadiusProfile.defaults(),
                now);
        return transactions.inWorkspace(workspace.id(), () -> workspaces
                .insertWorkspace(workspace)
                .then(workspaces.insertSettings(workspace.id(), settings))
                .then(audit.record(
                        workspace.id(),
                        actor,
                        "workspace.created",
                        "workspace/" + workspace.id(),
                        Map.of("slug", workspace.slug(), "region", workspace.region())))
                .then(Mono.defer(() -> alongside.apply(workspace)))
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> new ConflictException(
                                "slug", "a workspace with slug '" + request.slug() + "' already exists"))
                .thenReturn(workspace));
    }

    private static void validate(NewWorkspace request) {
        var errors = new FieldErrors();
        String name = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
        if (request.slug() == null || !request.slug().matches(name)) {
            errors.add("slug", "must be lower-case letters, digits and '-', at most 63 characters");
        }
        if (request.displayName() == null
                || request.displayName().isBlank()
                || request.displayName().length() > 200) {
            errors.add("displayName", "must be 1 to 200 characters");
        }
        if (request.region() == null || !request.region().matches(name)) {
            errors.add("region", "must be a region name such as eu-west");
        }
        if (request.currency() == null || !request.currency().matches("[A-Z]{3}")) {
            errors.add("currency", "must be an ISO 4217 code such as EUR");
        }
        errors.throwIfAny();
    }
}
