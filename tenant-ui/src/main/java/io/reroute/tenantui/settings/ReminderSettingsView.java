package io.reroute.tenantui.settings;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.security.CurrentStaff;
import io.reroute.tenantui.ui.FormErrors;
import io.reroute.tenantui.ui.Notifications;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where reminder links point (with the DNS records that needs), where restricted traffic lands, and who mails come from. */
@Route(value = "reminders", layout = SettingsLayout.class)
@PageTitle("Reminders & mail · Settings · Reroute")
@PermitAll
public class ReminderSettingsView extends VerticalLayout {

    private final PlatformApi api;
    private final TextField fromName = new TextField("Mail from name");
    private final EmailField fromAddress = new EmailField("Mail from address");
    private final EmailField testTo = new EmailField("Send a test mail to");

    ReminderSettingsView(PlatformApi api, CurrentStaff current, PortalProperties portal) {
        this.api = api;
        setId("settings-reminders");
        setPadding(false);
        var document = new SettingsDocument(api);
        WorkspaceSettings settings = document.load();
        boolean canEdit = current.can("workspace:write");

        var hostForm = new ReminderHostForm(settings, portal);
        hostForm.setReadOnly(!canEdit);

        fromName.setId("mail-from-name");
        fromName.setPlaceholder("Example ISP billing");
        fromName.setMaxLength(100);
        fromAddress.setId("mail-from-address");
        fromAddress.setPlaceholder("billing@example-isp.net");
        fromAddress.setHelperText("Use an address of a domain that allows the platform's mail servers (SPF/DKIM).");
        var mail = settings.mail();
        fromName.setValue(mail == null || mail.fromName() == null ? "" : mail.fromName());
        fromAddress.setValue(mail == null || mail.fromAddress() == null ? "" : mail.fromAddress());
        fromName.setReadOnly(!canEdit);
        fromAddress.setReadOnly(!canEdit);
        var mailForm = new FormLayout(fromName, fromAddress);
        mailForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));

        add(
                Sections.title("Reminder host and landing addresses"),
                Sections.help("Subscribers reach your branded page through the reminder host; restricted"
                        + " subscribers' DNS and plain HTTP go to the landing address."));
        if (!canEdit) {
            add(Sections.readOnly());
        }
        add(hostForm, Sections.title("Mail sender"), mailForm);

        if (canEdit) {
            Map<String, HasValidation> fields = new LinkedHashMap<>(hostForm.fields());
            fields.put("mail.fromName", fromName);
            fields.put("mail.fromAddress", fromAddress);
            fields.put("mail", fromAddress);
            var save = new Button("Save", e -> document.save(
                            update -> hostForm.applyTo(update)
                                    .withMail(new WorkspaceSettings.MailSender(
                                            blankToNull(fromName.getValue()), blankToNull(fromAddress.getValue()))),
                            fields)
                    .ifPresent(saved -> {
                        hostForm.fill(saved);
                        Notifications.success("Saved.");
                    }));
            save.setId("reminders-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(save);

            testTo.setId("test-mail-to");
            testTo.setValue(current.require().email());
            testTo.setHelperText("Sent from the saved sender: save your changes first.");
            var send = new Button("Send test mail", e -> sendTestMail());
            send.setId("test-mail-send");
            add(Sections.title("Test the mail sender"), Sections.actions(testTo, send));
        }
    }

    private void sendTestMail() {
        FormErrors.clear(Map.of("to", testTo, "mail.fromAddress", fromAddress));
        try {
            api.post("/api/v1/workspace/test-mail")
                    .body(Map.of("to", testTo.getValue().strip()))
                    .send();
            Notifications.success("Test mail queued to " + testTo.getValue().strip() + ".");
        } catch (ApiProblem problem) {
            if (problem.status() == 409 && problem.errors().isEmpty()) {
                // No sender saved yet: the message belongs next to the sender's address.
                fromAddress.setErrorMessage(problem.getMessage());
                fromAddress.setInvalid(true);
            } else {
                FormErrors.show(problem, Map.of("to", testTo, "mail.fromAddress", fromAddress));
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
