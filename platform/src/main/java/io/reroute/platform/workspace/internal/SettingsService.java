package io.reroute.platform.workspace.internal;

import io.reroute.platform.audit.AuditLog;
import io.reroute.platform.tenancy.WorkspaceContext;
import io.reroute.platform.tenancy.WorkspaceTransactions;
import io.reroute.platform.web.ConflictException;
import io.reroute.platform.web.NotFoundException;
import io.reroute.platform.web.PreconditionFailedException;
import io.reroute.platform.workspace.GatewayViewChanges;
import io.reroute.platform.workspace.SettingsUpdate;
import io.reroute.platform.workspace.Workspace;
import io.reroute.platform.workspace.WorkspaceSettings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
class SettingsService {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final WorkspaceTransactions transactions;
    private final WorkspaceRepository workspaces;
    private final AuditLog audit;
    private final GatewayViewChanges gatewayViews;
    private final JsonMapper json;
    private final Clock clock;

    SettingsService(
            WorkspaceTransactions transactions,
            WorkspaceRepository workspaces,
            AuditLog audit,
            GatewayViewChanges gatewayViews,
            JsonMapper json,
            Clock clock) {
        this.transactions = transactions;
        this.workspaces = workspaces;
        this.audit = audit;
        this.gatewayViews = gatewayViews;
        this.json = json;
        this.clock = clock;
    }

    Mono<Workspace> current() {
        return transactions
                .inCurrentWorkspace(workspaces::find)
                .switchIfEmpty(Mono.error(new NotFoundException("workspace")));
    }

    Mono<WorkspaceSettings> settings() {
        return transactions
                .inCurrentWorkspace(workspace -> workspaces.settings(workspace, false))
                .switchIfEmpty(Mono.error(new NotFoundException("workspace")));
    }

    /** Replaces the settings; with {@code ifMatch}, only if nobody changed them since that version. */
    Mono<WorkspaceSettings> update(SettingsUpdate requested, OptionalLong ifMatch) {
        SettingsUpdate update = SettingsRules.normalize(requested);
        return WorkspaceContext.actor()
                .flatMap(actor -> transactions.inCurrentWorkspace(workspace -> workspaces
                        .settings(workspace, true)
                        .switchIfEmpty(Mono.error(new NotFoundException("workspace")))
                        .flatMap(before -> {
                            if (ifMatch.isPresent() && ifMatch.getAsLong() != before.version()) {
                                return Mono.error(new PreconditionFailedException(
                                        "settings are at version " + before.version() + ", not " + ifMatch.getAsLong()
                                                + "; fetch them again and reapply your change"));
                            }
                            var after = new WorkspaceSettings(
                                    before.version() + 1,
                                    update.displayName(),
                                    update.branding(),
                                    update.reminderHost(),
                                    update.landing(),
                                    update.mail(),
                                    update.thresholds(),
                                    update.radius(),
                                    clock.instant());
                            Map<String, Object> changes = diff(before, after);
                            if (changes.isEmpty()) {
                                return Mono.just(before);
                            }
                            return workspaces
                                    .updateSettings(workspace, before.version(), after)
                                    .onErrorMap(
                                            DuplicateKeyException.class,
                                            e -> new ConflictException("reminder host " + after.reminderHost()
                                                    + " is already used by another workspace"))
                                    .then(audit.record(
                                            workspace,
                                            actor,
                                            "workspace.settings.updated",
                                            "workspace/" + workspace,
                                            changes))
                                    .then(
                                            gatewayRelevant(before, after)
                                                    ? gatewayViews.changed(workspace)
                                                    : Mono.empty())
                                    .thenReturn(after);
                        })));
    }

    /** Whether gateways enforce something that changed: where to redirect to, the host left reachable, RADIUS answers. */
    private static boolean gatewayRelevant(WorkspaceSettings before, WorkspaceSettings after) {
        return !Objects.equals(before.reminderHost(), after.reminderHost())
                || !Objects.equals(before.landing(), after.landing())
                || !Objects.equals(before.radius(), after.radius());
    }

    /** Changed fields as {@code {"branding.title": {"from": ..., "to": ...}}}. */
    private Map<String, Object> diff(WorkspaceSettings before, WorkspaceSettings after) {
        Map<String, Object> from = flatten("", json.convertValue(before, MAP));
        Map<String, Object> to = flatten("", json.convertValue(after, MAP));
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String key : to.keySet()) {
            if (key.equals("version") || key.equals("updatedAt")) {
                continue;
            }
            if (!Objects.equals(String.valueOf(from.get(key)), String.valueOf(to.get(key)))) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", from.get(key));
                change.put("to", to.get(key));
                changes.put(key, change);
            }
        }
        return changes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(String prefix, Map<String, Object> map) {
        Map<String, Object> flat = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                flat.putAll(flatten(prefix + key + ".", (Map<String, Object>) nested));
            } else {
                flat.put(prefix + key, value);
            }
        });
        return flat;
    }
}
