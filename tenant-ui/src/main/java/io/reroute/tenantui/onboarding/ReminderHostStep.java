package io.reroute.tenantui.onboarding;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.settings.PortalProperties;
import io.reroute.tenantui.settings.ReminderHostForm;
import io.reroute.tenantui.settings.SettingsDocument;
import io.reroute.tenantui.ui.FormErrors;

/** Step 2: the reminder host (with the DNS records to create) and the landing addresses. */
final class ReminderHostStep implements StepForm {

    private final VerticalLayout layout = new VerticalLayout();
    private final SettingsDocument document;
    private final ReminderHostForm form;

    ReminderHostStep(PlatformApi api, PortalProperties portal) {
        document = new SettingsDocument(api);
        form = new ReminderHostForm(document.load(), portal);
        form.setRequiredIndicators(true);
        layout.setPadding(false);
        layout.setId("wizard-reminder-host");
        StepHeader.add(
                layout,
                "Reminder host and landing address",
                "Reminder mails and the captive redirect link to https://<reminder host>/..., a name in your own"
                        + " domain. The landing address is where routers send restricted subscribers' DNS and plain"
                        + " HTTP; the router script in the network step needs it.");
        layout.add(form);
    }

    @Override
    public Component component() {
        return layout;
    }

    @Override
    public boolean save() {
        FormErrors.clear(form.fields());
        if (!form.requireHostAndIpv4()) {
            return false;
        }
        return document.save(form::applyTo, form.fields()).isPresent();
    }
}
