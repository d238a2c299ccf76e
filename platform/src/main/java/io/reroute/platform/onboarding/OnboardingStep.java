package io.reroute.platform.onboarding;

/** The onboarding wizard's steps, in order. */
public enum OnboardingStep {
    BRANDING,
    REMINDER_HOST,
    ALLOWLIST,
    NETWORK,
    CHECK
}
