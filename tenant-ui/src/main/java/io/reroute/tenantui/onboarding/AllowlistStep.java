package io.reroute.tenantui.onboarding;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.settings.AllowlistEditor;

/** Step 3: what restricted subscribers can still reach, payment providers first. */
final class AllowlistStep implements StepForm {

    private final VerticalLayout layout = new VerticalLayout();
    private final AllowlistEditor editor;

    AllowlistStep(PlatformApi api) {
        editor = new AllowlistEditor(api, true);
        layout.setPadding(false);
        layout.setId("wizard-allowlist");
        StepHeader.add(
                layout,
                "Allowlist",
                "Restricted subscribers can reach only your landing page and what is listed here. Add the payment"
                        + " provider your page sends them to (a preset adds its domains), and anything else they"
                        + " need, such as your support site. Entries are saved as you add them.");
        layout.add(editor);
    }

    @Override
    public Component component() {
        return layout;
    }

    @Override
    public boolean save() {
        // Every entry was saved when it was added; an empty list is allowed (pay at the counter, say).
        return true;
    }
}
