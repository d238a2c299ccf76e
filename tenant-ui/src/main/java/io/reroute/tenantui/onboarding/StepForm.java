package io.reroute.tenantui.onboarding;

import com.vaadin.flow.component.Component;

/** The content of one setup step. */
interface StepForm {

    /** The step's form, shown under the step indicator. */
    Component component();

    /**
     * Saves what the step edits to the platform. Problems are shown next to their fields.
     *
     * @return true when the wizard may mark the step done and go on
     */
    boolean save();
}
