package io.reroute.tenantui.onboarding;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/workspace/onboarding}: which setup steps are done, and the first one that is not. */
record OnboardingProgress(List<StepState> steps, WizardStep nextStep, boolean completed) {

    record StepState(WizardStep step, Instant completedAt) {}

    boolean done(WizardStep step) {
        return steps != null && steps.stream().anyMatch(state -> state.step() == step && state.completedAt() != null);
    }

    Instant completedAt(WizardStep step) {
        return steps == null
                ? null
                : steps.stream()
                        .filter(state -> state.step() == step)
                        .map(StepState::completedAt)
                        .findFirst()
                        .orElse(null);
    }
}
