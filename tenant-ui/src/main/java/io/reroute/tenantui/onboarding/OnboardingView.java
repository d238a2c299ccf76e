package io.reroute.tenantui.onboarding;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.security.CurrentStaff;
import io.reroute.tenantui.settings.PortalProperties;
import io.reroute.tenantui.settings.WorkspaceInfo;
import io.reroute.tenantui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.EnumMap;
import java.util.Map;

/**
 * The setup wizard for a new ISP: branding, reminder host, allowlist, network, check. Each step is
 * saved to the platform and marked done there, so leaving and coming back resumes at the first
 * step not done; any step done (and the next) can be opened again from the step indicator. A
 * {@code ?step=NETWORK} parameter opens a step directly.
 */
@Route(value = "onboarding", layout = MainLayout.class)
@PageTitle("Setup · Reroute")
@PermitAll
public class OnboardingView extends VerticalLayout implements BeforeEnterObserver {

    static final String PROGRESS = "/api/v1/workspace/onboarding";

    private final PlatformApi api;
    private final CurrentStaff current;
    private final PortalProperties portal;
    private final Tabs indicator = new Tabs();
    private final Map<WizardStep, Tab> tabs = new EnumMap<>(WizardStep.class);
    private final Div content = new Div();
    private final Button back = new Button("Back", VaadinIcon.ARROW_LEFT.create());
    private final Button save = new Button("Save and continue", VaadinIcon.ARROW_RIGHT.create());
    private OnboardingProgress progress;
    private WizardStep shown;
    private StepForm form;
    private String currency;

    OnboardingView(PlatformApi api, CurrentStaff current, PortalProperties portal) {
        this.api = api;
        this.current = current;
        this.portal = portal;
        setId("onboarding");
        setMaxWidth("72rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H2("Set up your workspace"));
        if (!current.can("workspace:write")) {
            var notice = new Paragraph(
                    "Setting up the workspace needs an owner or an admin. Ask one of them to" + " finish it.");
            notice.setId("onboarding-not-allowed");
            add(notice);
            return;
        }
        progress = api.get(PROGRESS).as(OnboardingProgress.class);
        currency = api.get("/api/v1/workspace").as(WorkspaceInfo.class).currency();
        buildFrame();
        WizardStep requested = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("step")
                .flatMap(OnboardingView::parse)
                .filter(this::reachable)
                .orElse(null);
        if (requested != null) {
            show(requested);
        } else if (progress.completed() || progress.nextStep() == null) {
            showSummary();
        } else {
            show(progress.nextStep());
        }
    }

    private void buildFrame() {
        indicator.setId("wizard");
        indicator.setWidthFull();
        tabs.clear();
        for (WizardStep step : WizardStep.values()) {
            var tab = new Tab((step.ordinal() + 1) + ". " + step.label());
            tab.setId("wizard-step-" + step.name());
            tabs.put(step, tab);
            indicator.add(tab);
        }
        indicator.addSelectedChangeListener(event -> {
            if (event.isFromClient() && event.getSelectedTab() != null) {
                tabs.forEach((step, tab) -> {
                    if (tab == event.getSelectedTab() && step != shown) {
                        show(step);
                    }
                });
            }
        });
        content.setId("wizard-content");
        content.setWidthFull();
        back.setId("wizard-back");
        back.addClickListener(e -> {
            if (shown == null) {
                show(WizardStep.values()[WizardStep.values().length - 1]);
            } else if (shown.preceding() != null) {
                show(shown.preceding());
            }
        });
        save.setId("wizard-save");
        save.setIconAfterText(true);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> saveAndContinue());
        var footer = new HorizontalLayout(back, save);
        footer.setWidthFull();
        footer.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        footer.setId("wizard-footer");
        add(indicator, content, footer);
        markProgress();
    }

    /** Done steps carry a check mark; steps beyond the next one not done cannot be opened yet. */
    private void markProgress() {
        tabs.forEach((step, tab) -> {
            boolean done = progress.done(step);
            tab.getElement().setAttribute("data-done", Boolean.toString(done));
            tab.removeAll();
            if (done) {
                var check = VaadinIcon.CHECK.create();
                check.setSize("var(--lumo-icon-size-s)");
                check.getStyle().set("color", "var(--lumo-success-color)");
                tab.add(check);
            }
            tab.add((step.ordinal() + 1) + ". " + step.label());
            tab.setEnabled(reachable(step));
        });
    }

    private boolean reachable(WizardStep step) {
        return progress.completed()
                || progress.done(step)
                || progress.nextStep() == null
                || step.ordinal() <= progress.nextStep().ordinal();
    }

    private void show(WizardStep step) {
        shown = step;
        form = switch (step) {
            case BRANDING -> new BrandingStep(api, currency);
            case REMINDER_HOST -> new ReminderHostStep(api, portal);
            case ALLOWLIST -> new AllowlistStep(api);
            case NETWORK -> new NetworkStep(api);
            case CHECK -> new CheckStep(api, current, currency);
        };
        content.removeAll();
        content.add(form.component());
        indicator.setSelectedTab(tabs.get(step));
        back.setEnabled(step.preceding() != null);
        save.setVisible(true);
        save.setText(step.following() == null ? "Finish setup" : "Save and continue");
        getElement().setAttribute("data-step", step.name());
    }

    private void showSummary() {
        shown = null;
        form = null;
        content.removeAll();
        content.add(new WizardSummary(progress));
        indicator.setSelectedTab(null);
        back.setEnabled(true);
        save.setVisible(false);
        getElement().setAttribute("data-step", "SUMMARY");
    }

    private void saveAndContinue() {
        if (form == null || shown == null || !form.save()) {
            return;
        }
        progress = api.put(PROGRESS + "/{step}", shown.name()).as(OnboardingProgress.class);
        markProgress();
        WizardStep next = shown.following();
        if (next != null) {
            show(next);
        } else if (progress.completed() || progress.nextStep() == null) {
            showSummary();
        } else {
            // The last step is done but an earlier one is not: that one comes next.
            show(progress.nextStep());
        }
    }

    private static java.util.Optional<WizardStep> parse(String name) {
        try {
            return java.util.Optional.of(WizardStep.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return java.util.Optional.empty();
        }
    }
}
