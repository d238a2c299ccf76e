package io.reroute.tenantui.onboarding;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.reroute.tenantui.ui.Formats;

/** Shown once every step is done: what was set up, and where to go next. */
final class WizardSummary extends VerticalLayout {

    WizardSummary(OnboardingProgress progress) {
        setId("wizard-summary");
        setPadding(false);
        add(new H3("Your workspace is set up"));
        add(new Paragraph("Subscribers who do not pay are now steered to your landing page, and paying restores them"
                + " within seconds. You can change any of this later in Settings, or go back to a step above."));
        var steps = new UnorderedList();
        for (WizardStep step : WizardStep.values()) {
            steps.add(new ListItem(step.label() + ": done " + Formats.instant(progress.completedAt(step))));
        }
        add(steps);
        var dashboard = new Anchor("", "Go to the dashboard");
        dashboard.setId("wizard-dashboard-link");
        var subscribers = new Anchor("subscribers", "Add subscribers");
        subscribers.setId("wizard-subscribers-link");
        var settings = new Anchor("settings", "Settings");
        settings.setId("wizard-settings-link");
        var links = new HorizontalLayout(dashboard, subscribers, settings);
        links.setSpacing(true);
        add(links);
    }
}
