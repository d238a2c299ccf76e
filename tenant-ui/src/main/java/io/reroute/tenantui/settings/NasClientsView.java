package io.reroute.tenantui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.security.CurrentStaff;
import io.reroute.tenantui.ui.FormErrors;
import io.reroute.tenantui.ui.Formats;
import io.reroute.tenantui.ui.Notifications;
import jakarta.annotation.security.PermitAll;

/** The routers allowed to ask the gateways' RADIUS, by source address and shared secret. */
@Route(value = "nas-clients", layout = SettingsLayout.class)
@PageTitle("NAS clients · Settings · Reroute")
@PermitAll
public class NasClientsView extends VerticalLayout {

    private final PlatformApi api;
    private final Grid<NasClient> grid = new Grid<>();

    NasClientsView(PlatformApi api, CurrentStaff current) {
        this.api = api;
        setId("settings-nas-clients");
        setPadding(false);
        add(
                Sections.title("NAS clients"),
                Sections.help("Each router that terminates subscriber sessions (PPPoE) and asks RADIUS. Requests from"
                        + " other addresses get no answer. A change reaches the gateways within a second."));
        if (!current.can("network:read")) {
            add(Sections.notAllowed());
            return;
        }
        boolean canEdit = current.can("network:write");
        grid.setId("nas-grid");
        grid.addColumn(NasClient::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(NasClient::address).setHeader("Address").setAutoWidth(true);
        grid.addColumn(nas -> "GENERIC".equals(nas.vendor()) ? "Other" : "MikroTik")
                .setHeader("Vendor")
                .setAutoWidth(true);
        grid.addColumn(NasClient::coaPort).setHeader("CoA port").setAutoWidth(true);
        grid.addColumn(nas -> nas.requireMessageAuthenticator() ? "Required" : "Not required")
                .setHeader("Message-Authenticator")
                .setAutoWidth(true);
        grid.addColumn(nas -> Formats.instant(nas.updatedAt()))
                .setHeader("Changed")
                .setAutoWidth(true);
        if (canEdit) {
            grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
            var add = new Button("Add NAS client", VaadinIcon.PLUS.create(), e -> edit(null));
            add.setId("nas-new");
            add(add);
        } else {
            add(Sections.readOnly());
        }
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No NAS clients yet.");
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(NasClient.list(api));
    }

    private HorizontalLayout actions(NasClient nas) {
        var edit = new Button("Edit", e -> edit(nas));
        edit.addClassName("nas-edit");
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var delete = new Button("Delete", e -> {
            var confirm = new ConfirmDialog(
                    "Delete " + nas.name() + "?",
                    "The gateways drop its RADIUS requests from then on; its subscribers become unbound and its"
                            + " sessions are deleted.",
                    "Delete",
                    ok -> {
                        api.delete("/api/v1/nas-clients/{id}", nas.id()).send();
                        Notifications.success("Deleted " + nas.name() + ".");
                        refresh();
                    });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId("nas-delete-confirm");
            confirm.open();
        });
        delete.addClassName("nas-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, delete);
    }

    private void edit(NasClient nas) {
        var dialog = new Dialog();
        dialog.setId("nas-dialog");
        dialog.setHeaderTitle(nas == null ? "Add NAS client" : "Edit " + nas.name());
        dialog.setWidth("min(100%, 40rem)");
        var form = new NasClientForm(nas, true);
        dialog.add(form);
        var save = new Button(nas == null ? "Add" : "Save", e -> {
            FormErrors.clear(form.fields());
            try {
                var request = form.request(null);
                NasClient saved = nas == null
                        ? api.post("/api/v1/nas-clients").body(request).as(NasClient.class)
                        : api.put("/api/v1/nas-clients/{id}", nas.id())
                                .body(request)
                                .as(NasClient.class);
                Notifications.success("Saved " + saved.name() + ".");
                dialog.close();
                refresh();
            } catch (ApiProblem problem) {
                showProblem(problem, form);
            }
        });
        save.setId("nas-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        form.focus();
    }

    /** A taken address is a conflict without a field; it belongs next to the address all the same. */
    static void showProblem(ApiProblem problem, NasClientForm form) {
        if (problem.status() == 409 && problem.errors().isEmpty()) {
            var address = form.fields().get("address");
            address.setErrorMessage(problem.getMessage());
            address.setInvalid(true);
        } else {
            FormErrors.show(problem, form.fields());
        }
    }
}
