package io.reroute.tenantui.settings;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A router's fields. The API password is write-only: editing with it left empty keeps the current
 * one. Used by the settings and by the setup wizard.
 */
public class RouterForm extends Composite<FormLayout> {

    private final TextField name = new TextField("Name");
    private final TextField host = new TextField("Host");
    private final IntegerField port = new IntegerField("API port");
    private final Checkbox tls = new Checkbox("API over TLS (api-ssl)");
    private final TextField username = new TextField("API user");
    private final PasswordField password = new PasswordField("API password");
    private final Select<String> role = new Select<>();
    private final Select<NasClient> nas = new Select<>();

    /**
     * @param router the router to edit, or null for a new one
     * @param nasClients the workspace's NAS clients to choose from; null hides the choice (the
     *     wizard links the NAS client it creates alongside)
     */
    public RouterForm(Router router, List<NasClient> nasClients) {
        name.setId("router-name");
        name.setMaxLength(100);
        name.setPlaceholder("core-1");
        host.setId("router-host");
        host.setPlaceholder("198.51.100.2 or core-1.example-isp.net");
        host.setHelperText("Where the gateways reach the router's API.");
        port.setId("router-port");
        port.setMin(1);
        port.setMax(65535);
        port.setValue(8728);
        port.setHelperText("8728 for the API, 8729 with TLS.");
        tls.setId("router-tls");
        tls.addValueChangeListener(e -> {
            if (e.isFromClient() && Objects.equals(port.getValue(), e.getValue() ? 8728 : 8729)) {
                port.setValue(e.getValue() ? 8729 : 8728);
            }
        });
        username.setId("router-username");
        username.setPlaceholder("reroute");
        username.setHelperText("A user in a group with only the read, write and api policies.");
        password.setId("router-password");
        password.setHelperText(router == null ? "" : "Leave empty to keep the current password.");
        role.setId("router-role");
        role.setLabel("Role");
        role.setItems("ACCESS", "EDGE");
        role.setItemLabelGenerator(r -> "EDGE".equals(r)
                ? "Edge: static and DHCP subscribers (firewall only)"
                : "Access: terminates PPPoE sessions (firewall and PPP profile)");
        role.setValue("ACCESS");
        nas.setId("router-nas");
        nas.setLabel("Is NAS client");
        nas.setEmptySelectionAllowed(true);
        nas.setEmptySelectionCaption("None");
        nas.setItemLabelGenerator(n -> n == null ? "None" : n.name() + " (" + n.address() + ")");
        nas.setHelperText(
                "The NAS client this router is: lets the gateways fix sessions over the API when RADIUS" + " cannot.");
        if (nasClients == null) {
            nas.setVisible(false);
        } else {
            nas.setItems(nasClients);
        }

        if (router != null) {
            name.setValue(router.name());
            host.setValue(router.host());
            port.setValue(router.port());
            tls.setValue(router.tls());
            username.setValue(router.username());
            role.setValue(router.role());
            if (nasClients != null && router.nasId() != null) {
                nasClients.stream()
                        .filter(n -> n.id().equals(router.nasId()))
                        .findFirst()
                        .ifPresent(nas::setValue);
            }
        }
        var form = getContent();
        form.add(name, host, port, tls, username, password, role, nas);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    }

    public Router.Request request() {
        String typedPassword = password.getValue();
        return new Router.Request(
                name.getValue().strip(),
                host.getValue().strip(),
                port.getValue(),
                tls.getValue(),
                username.getValue().strip(),
                typedPassword.isEmpty() ? null : typedPassword,
                role.getValue(),
                nas.isVisible() && nas.getValue() != null ? nas.getValue().id() : null);
    }

    public Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("host", host);
        fields.put("port", port);
        fields.put("tls", port);
        fields.put("username", username);
        fields.put("password", password);
        fields.put("role", role);
        fields.put("nasId", nas.isVisible() ? nas : name);
        return fields;
    }

    public boolean isFilled() {
        return !name.getValue().isBlank()
                || !host.getValue().isBlank()
                || !username.getValue().isBlank();
    }

    public TextField nameField() {
        return name;
    }

    public TextField hostField() {
        return host;
    }

    public void focus() {
        name.focus();
    }
}
