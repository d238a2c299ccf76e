package io.reroute.platform.onboarding.internal;

import io.reroute.platform.onboarding.OnboardingStep;
import io.reroute.platform.tenancy.Actor;
import io.reroute.platform.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The wizard steps a workspace completed; in the caller's workspace transaction. */
@Repository
class OnboardingRepository {

    private final DatabaseClient db;

    OnboardingRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> complete(WorkspaceId workspace, OnboardingStep step, Instant at, Actor actor) {
        return db.sql("INSERT INTO workspace_onboarding (workspace_id, step, completed_at, completed_by)"
                        + " VALUES (:workspace, :step, :at, :by) ON CONFLICT (workspace_id, step) DO NOTHING")
                .bind("workspace", workspace.value())
                .bind("step", step.name())
                .bind("at", at)
                .bind("by", actor.subject())
                .then();
    }

    Mono<Map<OnboardingStep, Instant>> completed(WorkspaceId workspace) {
        return db.sql("SELECT step, completed_at FROM workspace_onboarding WHERE workspace_id = :workspace")
                .bind("workspace", workspace.value())
                .map(row -> Map.entry(
                        OnboardingStep.valueOf(row.get("step", String.class)), row.get("completed_at", Instant.class)))
                .all()
                .collect(
                        () -> new EnumMap<OnboardingStep, Instant>(OnboardingStep.class),
                        (map, e) -> map.put(e.getKey(), e.getValue()))
                .map(map -> (Map<OnboardingStep, Instant>) map);
    }
}
