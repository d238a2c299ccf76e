package io.reroute.tenantui.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.spring.SpringServlet;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.ui.FormErrors;
import io.reroute.tenantui.ui.Notifications;
import java.util.Map;

/** Lets a staff member change their own password; the platform checks the current one and the rules. */
class ChangePasswordDialog extends Dialog {

    ChangePasswordDialog() {
        PlatformApi platform =
                SpringServlet.getCurrent().getService().getInstantiator().getOrCreate(PlatformApi.class);
        setHeaderTitle("Change password");
        var current = new PasswordField("Current password");
        var next = new PasswordField("New password");
        next.setHelperText("At least 12 characters.");
        var repeat = new PasswordField("New password again");
        add(new FormLayout(current, next, repeat));
        var save = new Button("Change password", e -> {
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage("Does not match the new password.");
                repeat.setInvalid(true);
                return;
            }
            repeat.setInvalid(false);
            try {
                platform.put("/api/v1/staff/me/password")
                        .body(Map.of("currentPassword", current.getValue(), "newPassword", next.getValue()))
                        .send();
                Notifications.success("Password changed.");
                close();
            } catch (ApiProblem problem) {
                FormErrors.show(problem, Map.of("currentPassword", current, "newPassword", next));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
