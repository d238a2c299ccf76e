package io.reroute.tenantui.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.ui.FormErrors;
import io.reroute.tenantui.ui.Notifications;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Adds a staff user, or changes one: name, role, a new password, disabled or not. Only what changed
 * is sent. The platform applies the owner rules (only an owner manages owners; the last active owner
 * stays) and answers a taken email with 409; its messages go next to the fields.
 */
final class StaffDialog extends Dialog {

    static final List<String> ROLES = List.of("OWNER", "ADMIN", "OPERATOR", "SUPPORT");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record NewStaff(String email, String displayName, String role, String password) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record StaffChange(String displayName, String role, String password, Boolean disabled) {}

    private final PlatformApi api;
    private final StaffMember existing;
    private final Runnable onSaved;
    private final EmailField email = new EmailField("Email");
    private final TextField name = new TextField("Name");
    private final Select<String> role = new Select<>();
    private final PasswordField password = new PasswordField();
    private final Checkbox disabled = new Checkbox("Disabled: cannot sign in, sessions end at once");
    private final Map<String, HasValidation> fields;
    private final Button save;

    /**
     * @param existing the staff user to change, or null to add one
     * @param roles the roles the signed-in staff member may give (owners only by owners)
     */
    StaffDialog(PlatformApi api, StaffMember existing, List<String> roles, Runnable onSaved) {
        this.api = api;
        this.existing = existing;
        this.onSaved = onSaved;
        setHeaderTitle(existing == null ? "Add staff user" : "Change " + existing.email());
        setWidth("30em");
        email.setId("staff-email");
        name.setId("staff-name");
        role.setId("staff-role");
        role.setLabel("Role");
        role.setItems(roles);
        role.setItemLabelGenerator(StaffDialog::roleLabel);
        password.setId("staff-password");
        password.setHelperText("At least 12 characters.");
        disabled.setId("staff-disabled");
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        if (existing == null) {
            password.setLabel("Initial password");
            password.setHelperText(
                    "At least 12 characters. Leave empty for sign-in through the workspace's identity provider only.");
            role.setValue("OPERATOR");
            form.add(email, name, role, password);
        } else {
            password.setLabel("New password");
            password.setHelperText("Leave empty to keep the current one. At least 12 characters.");
            name.setValue(Objects.toString(existing.displayName(), ""));
            role.setValue(existing.role());
            disabled.setValue(existing.disabled());
            form.add(name, role, password, disabled);
        }
        add(form);
        fields = Map.of("email", email, "displayName", name, "role", role, "password", password, "disabled", disabled);

        save = new Button(existing == null ? "Add" : "Save", e -> save());
        save.setId("staff-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        var cancel = new Button("Cancel", e -> close());
        cancel.setId("staff-cancel");
        getFooter().add(cancel, save);
    }

    static String roleLabel(String role) {
        return role == null ? "" : role.charAt(0) + role.substring(1).toLowerCase(Locale.ROOT);
    }

    private void save() {
        FormErrors.clear(fields);
        try {
            if (existing == null) {
                api.post("/api/v1/staff")
                        .body(new NewStaff(
                                email.getValue(),
                                name.getValue(),
                                role.getValue(),
                                password.getValue().isEmpty() ? null : password.getValue()))
                        .send();
                Notifications.success(email.getValue() + " added.");
            } else {
                StaffChange change = changes();
                if (!change.equals(new StaffChange(null, null, null, null))) {
                    api.patch("/api/v1/staff/{id}", existing.id()).body(change).send();
                    Notifications.success(existing.email() + " changed.");
                }
            }
            close();
            onSaved.run();
        } catch (ApiProblem problem) {
            FormErrors.show(problem, fields);
        } finally {
            save.setEnabled(true);
        }
    }

    private StaffChange changes() {
        return new StaffChange(
                name.getValue().equals(Objects.toString(existing.displayName(), "")) ? null : name.getValue(),
                Objects.equals(role.getValue(), existing.role()) ? null : role.getValue(),
                password.getValue().isEmpty() ? null : password.getValue(),
                disabled.getValue() == existing.disabled() ? null : disabled.getValue());
    }
}
