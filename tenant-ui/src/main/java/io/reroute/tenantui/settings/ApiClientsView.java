package io.reroute.tenantui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.security.CurrentStaff;
import io.reroute.tenantui.ui.FormErrors;
import io.reroute.tenantui.ui.Formats;
import io.reroute.tenantui.ui.Notifications;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Credentials for the ISP's own systems to use the public API; a secret is shown once, at creation. */
@Route(value = "api-clients", layout = SettingsLayout.class)
@PageTitle("API clients · Settings · Reroute")
@PermitAll
public class ApiClientsView extends VerticalLayout {

    /** A workspace has a handful of clients; this many pages is far beyond any real one. */
    private static final int MAX_PAGES = 50;

    private final PlatformApi api;
    private final CurrentStaff current;
    private final Grid<ApiClient> grid = new Grid<>();

    ApiClientsView(PlatformApi api, CurrentStaff current) {
        this.api = api;
        this.current = current;
        setId("settings-api-clients");
        setPadding(false);
        add(
                Sections.title("API clients"),
                Sections.help("OAuth 2.0 client credentials for your billing system or scripts (see the API"
                        + " documentation). Revoking a client stops its tokens at once."));
        if (!current.can("api-clients:read")) {
            add(Sections.notAllowed());
            return;
        }
        boolean canEdit = current.can("api-clients:write");
        grid.setId("api-clients-grid");
        grid.addColumn(ApiClient::name).setHeader("Name").setFlexGrow(1);
        grid.addColumn(ApiClient::clientId).setHeader("Client id").setAutoWidth(true);
        grid.addColumn(client -> client.scopes().stream().map(ApiClient::scope).collect(Collectors.joining(" ")))
                .setHeader("Scopes")
                .setFlexGrow(3);
        grid.addColumn(client -> Formats.instant(client.createdAt()))
                .setHeader("Created")
                .setAutoWidth(true);
        grid.addColumn(client ->
                        client.revokedAt() == null ? "Active" : "Revoked " + Formats.instant(client.revokedAt()))
                .setHeader("Status")
                .setAutoWidth(true);
        if (canEdit) {
            grid.addComponentColumn(this::revokeButton).setAutoWidth(true).setFlexGrow(0);
            var create = new Button("New API client", VaadinIcon.PLUS.create(), e -> openCreate());
            create.setId("api-client-new");
            add(create);
        } else {
            add(Sections.readOnly());
        }
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No API clients yet.");
        add(grid);
        refresh();
    }

    private void refresh() {
        List<ApiClient> clients = new ArrayList<>();
        UUID after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            var answer = api.get("/api/v1/api-clients")
                    .param("limit", 200)
                    .param("after", after)
                    .as(ApiClient.Page.class);
            clients.addAll(answer.items());
            after = answer.nextAfter();
            if (after == null) {
                break;
            }
        }
        grid.setItems(clients);
    }

    private void openCreate() {
        var dialog = new Dialog();
        dialog.setId("api-client-dialog");
        dialog.setHeaderTitle("New API client");
        dialog.setWidth("min(100%, 40rem)");
        var name = new TextField("Name");
        name.setId("api-client-name");
        name.setPlaceholder("Billing sync");
        name.setMaxLength(100);
        name.setWidthFull();
        var scopes = new CheckboxGroup<String>("Scopes");
        scopes.setId("api-client-scopes");
        // A client can only be given scopes the one creating it holds.
        scopes.setItems(ApiClient.SCOPES.stream().filter(current::can).toList());
        scopes.setHelperText("Give it only what it needs.");
        dialog.add(new VerticalLayout(name, scopes));
        var save = new Button("Create", e -> {
            var fields = Map.of("name", name, "scopes", scopes);
            FormErrors.clear(fields);
            try {
                ApiClient.Created created = api.post("/api/v1/api-clients")
                        .body(new ApiClient.New(
                                name.getValue().strip(),
                                ApiClient.SCOPES.stream()
                                        .filter(scopes.getValue()::contains)
                                        .toList()))
                        .as(ApiClient.Created.class);
                dialog.close();
                refresh();
                showSecretOnce(created);
            } catch (ApiProblem problem) {
                FormErrors.show(problem, fields);
            }
        });
        save.setId("api-client-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        name.focus();
    }

    /** The secret exists in the clear only in this answer; after the dialog closes nobody can show it again. */
    private static void showSecretOnce(ApiClient.Created created) {
        var dialog = new Dialog();
        dialog.setId("api-client-secret-dialog");
        dialog.setHeaderTitle("Client " + created.name() + " created");
        dialog.setCloseOnEsc(false);
        dialog.setCloseOnOutsideClick(false);
        dialog.setWidth("min(100%, 40rem)");
        var clientId = new TextField("Client id");
        clientId.setId("api-client-id-value");
        clientId.setValue(created.clientId());
        clientId.setReadOnly(true);
        clientId.setWidthFull();
        var secret = new TextField("Client secret");
        secret.setId("api-client-secret-value");
        secret.setValue(created.clientSecret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        var warning = new Paragraph("Copy the secret now and store it safely: it is shown only this once. If it is"
                + " lost, revoke this client and create a new one.");
        warning.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        dialog.add(new VerticalLayout(warning, clientId, secret));
        var done = new Button("I have stored the secret", e -> dialog.close());
        done.setId("api-client-secret-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.open();
    }

    private Button revokeButton(ApiClient client) {
        var revoke = new Button("Revoke", e -> {
            var confirm = new ConfirmDialog(
                    "Revoke " + client.name() + "?",
                    "Its tokens stop working at once and it cannot get new ones. This cannot be undone.",
                    "Revoke",
                    ok -> {
                        api.delete("/api/v1/api-clients/{id}", client.id()).send();
                        Notifications.success("Revoked " + client.name() + ".");
                        refresh();
                    });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId("api-client-revoke-confirm");
            confirm.open();
        });
        revoke.addClassName("api-client-revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        revoke.setEnabled(client.revokedAt() == null);
        return revoke;
    }
}
