package io.reroute.tenantui.settings;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.security.CurrentStaff;
import io.reroute.tenantui.ui.Notifications;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.Map;

/** The workspace's name and the look of its landing page, with the page previewed live. */
@Route(value = "branding", layout = SettingsLayout.class)
@PageTitle("Branding · Settings · Reroute")
@PermitAll
public class BrandingSettingsView extends VerticalLayout {

    BrandingSettingsView(PlatformApi api, CurrentStaff current) {
        setId("settings-branding");
        setPadding(false);
        var document = new SettingsDocument(api);
        WorkspaceSettings settings = document.load();
        String currency = api.get("/api/v1/workspace").as(WorkspaceInfo.class).currency();
        boolean canEdit = current.can("workspace:write");

        var displayName = new TextField("Workspace name");
        displayName.setId("settings-display-name");
        displayName.setHelperText("Shown to your staff, and in mails as the ISP's name.");
        displayName.setMaxLength(200);
        displayName.setWidth("min(100%, 24rem)");
        displayName.setValue(settings.displayName() == null ? "" : settings.displayName());
        displayName.setReadOnly(!canEdit);

        var form = new BrandingForm(settings.branding(), currency);
        form.setReadOnly(!canEdit);

        add(
                Sections.title("Branding"),
                Sections.help("Restricted subscribers land on this page. The preview is the page the portal shows,"
                        + " with a sample account."));
        if (!canEdit) {
            add(Sections.readOnly());
        }
        add(displayName, form);
        if (canEdit) {
            Map<String, HasValidation> fields = new LinkedHashMap<>(form.fields());
            fields.put("displayName", displayName);
            var save = new Button("Save branding", e -> document.save(
                            update -> update.withDisplayName(displayName.getValue())
                                    .withBranding(form.value()),
                            fields)
                    .ifPresent(saved -> Notifications.success("Branding saved.")));
            save.setId("branding-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(save);
        }
    }
}
