package io.reroute.tenantui.settings;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.security.CurrentStaff;
import jakarta.annotation.security.PermitAll;

/** What restricted subscribers can still reach: payment providers, support sites, the ISP's own portal. */
@Route(value = "allowlist", layout = SettingsLayout.class)
@PageTitle("Allowlist · Settings · Reroute")
@PermitAll
public class AllowlistView extends VerticalLayout {

    AllowlistView(PlatformApi api, CurrentStaff current) {
        setId("settings-allowlist");
        setPadding(false);
        add(
                Sections.title("Allowlist"),
                Sections.help("Restricted subscribers' DNS answers every other name with the landing address and"
                        + " routers drop their other encrypted traffic. Your reminder host is always reachable; add"
                        + " the payment providers your landing page uses."));
        if (!current.can("allowlist:read")) {
            add(Sections.notAllowed());
            return;
        }
        boolean canEdit = current.can("allowlist:write");
        if (!canEdit) {
            add(Sections.readOnly());
        }
        add(new AllowlistEditor(api, canEdit));
    }
}
