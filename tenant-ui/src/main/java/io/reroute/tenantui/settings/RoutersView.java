package io.reroute.tenantui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.security.CurrentStaff;
import io.reroute.tenantui.ui.Formats;
import jakarta.annotation.security.PermitAll;

/** The MikroTik routers the gateways configure; each opens to its script, jobs and drift. */
@Route(value = "routers", layout = SettingsLayout.class)
@PageTitle("Routers · Settings · Reroute")
@PermitAll
public class RoutersView extends VerticalLayout {

    RoutersView(PlatformApi api, CurrentStaff current) {
        setId("settings-routers");
        setPadding(false);
        add(
                Sections.title("Routers"),
                Sections.help("The region's gateways log in to these routers over the RouterOS API to put the"
                        + " unpaid-flow configuration on them and keep the restricted address list in line."));
        if (!current.can("network:read")) {
            add(Sections.notAllowed());
            return;
        }
        var grid = new Grid<Router>();
        grid.setId("routers-grid");
        grid.addComponentColumn(router -> {
                    var link = new RouterLink(
                            router.name(), RouterDetailView.class, RouterDetailView.parameters(router.id()));
                    link.addClassName("router-link");
                    return link;
                })
                .setHeader("Name")
                .setFlexGrow(2);
        grid.addColumn(router -> router.host() + ":" + router.port() + (router.tls() ? " (TLS)" : ""))
                .setHeader("API")
                .setAutoWidth(true);
        grid.addColumn(router -> "EDGE".equals(router.role()) ? "Edge" : "Access")
                .setHeader("Role")
                .setAutoWidth(true);
        grid.addColumn(router -> router.status() == null || router.status().identity() == null
                        ? ""
                        : router.status().identity() + " · " + router.status().routerOsVersion())
                .setHeader("Found")
                .setAutoWidth(true);
        grid.addColumn(router -> router.status() == null
                        ? ""
                        : Formats.instant(router.status().lastContactAt()))
                .setHeader("Last contact")
                .setAutoWidth(true);
        grid.addColumn(router -> router.status() == null || router.status().lastError() == null
                        ? ""
                        : router.status().lastError())
                .setHeader("Last error")
                .setFlexGrow(2);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No routers yet.");
        if (current.can("network:write")) {
            var add = new Button("Add router", VaadinIcon.PLUS.create(), e -> new RouterDialog(
                            api, null, saved -> getUI().ifPresent(ui ->
                                    ui.navigate(RouterDetailView.class, RouterDetailView.parameters(saved.id()))))
                    .open());
            add.setId("router-new");
            add(add);
        } else {
            add(Sections.readOnly());
        }
        add(grid);
        grid.setItems(Router.list(api));
    }
}
