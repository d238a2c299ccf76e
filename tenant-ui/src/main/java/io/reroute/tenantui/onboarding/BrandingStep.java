package io.reroute.tenantui.onboarding;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.settings.BrandingForm;
import io.reroute.tenantui.settings.SettingsDocument;

/** Step 1: how the landing page looks, previewed live as the subscriber portal will show it. */
final class BrandingStep implements StepForm {

    private final VerticalLayout layout = new VerticalLayout();
    private final SettingsDocument document;
    private final BrandingForm form;

    BrandingStep(PlatformApi api, String currency) {
        document = new SettingsDocument(api);
        form = new BrandingForm(document.load().branding(), currency);
        layout.setPadding(false);
        layout.setId("wizard-branding");
        StepHeader.add(
                layout,
                "Your landing page",
                "Subscribers who have not paid land on this page. Give it your logo, colours and words; the preview"
                        + " shows it with a sample account.");
        layout.add(form);
    }

    @Override
    public Component component() {
        return layout;
    }

    @Override
    public boolean save() {
        return document.save(update -> update.withBranding(form.value()), form.fields())
                .isPresent();
    }
}
