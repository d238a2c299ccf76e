package io.reroute.tenantui.onboarding;

/** The setup steps, in order, as the platform names them. */
enum WizardStep {
    BRANDING("Branding"),
    REMINDER_HOST("Reminder host"),
    ALLOWLIST("Allowlist"),
    NETWORK("Network"),
    CHECK("Check");

    private final String label;

    WizardStep(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The step after this one, or null after the last. */
    WizardStep following() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    WizardStep preceding() {
        return ordinal() > 0 ? values()[ordinal() - 1] : null;
    }
}
