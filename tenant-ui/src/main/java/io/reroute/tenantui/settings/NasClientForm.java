package io.reroute.tenantui.settings;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A NAS client's fields. The shared secret is write-only: editing an existing client with the
 * secret left empty keeps the one it has. Used by the settings and by the setup wizard.
 */
public class NasClientForm extends Composite<FormLayout> {

    private final TextField name = new TextField("Name");
    private final TextField address = new TextField("RADIUS source address");
    private final PasswordField secret = new PasswordField("Shared secret");
    private final IntegerField coaPort = new IntegerField("CoA port");
    private final Select<String> vendor = new Select<>();
    private final Checkbox requireMessageAuthenticator = new Checkbox("Require Message-Authenticator");
    private final boolean existing;

    /**
     * @param nas the client to edit, or null for a new one
     * @param withName false where the name is taken from elsewhere (the wizard names it after the router)
     */
    public NasClientForm(NasClient nas, boolean withName) {
        existing = nas != null;
        name.setId("nas-name");
        name.setMaxLength(100);
        name.setVisible(withName);
        address.setId("nas-address");
        address.setPlaceholder("198.51.100.2");
        address.setHelperText("The one address the router's RADIUS requests come from, as the gateways see it.");
        secret.setId("nas-secret");
        secret.setHelperText(
                existing
                        ? "Leave empty to keep the current secret."
                        : "16 to 128 characters; the same secret goes into the router's /radius entry.");
        var generate = new Button("Generate", e -> {
            secret.setValue(Secrets.generate(32));
            secret.setInvalid(false);
        });
        generate.setId("nas-secret-generate");
        generate.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        secret.setSuffixComponent(generate);
        coaPort.setId("nas-coa-port");
        coaPort.setMin(1);
        coaPort.setMax(65535);
        coaPort.setValue(3799);
        coaPort.setHelperText("Where the router listens for CoA and Disconnect (RouterOS: /radius incoming).");
        vendor.setId("nas-vendor");
        vendor.setLabel("Vendor");
        vendor.setItems("MIKROTIK", "GENERIC");
        vendor.setItemLabelGenerator(v -> "GENERIC".equals(v) ? "Other (standard RADIUS only)" : "MikroTik");
        vendor.setValue("MIKROTIK");
        requireMessageAuthenticator.setId("nas-require-ma");
        requireMessageAuthenticator.setValue(true);
        requireMessageAuthenticator.setTooltipText(
                "Protects against forged answers (BlastRADIUS). Turn off only for devices that cannot send it.");

        if (nas != null) {
            name.setValue(nas.name());
            address.setValue(nas.address());
            coaPort.setValue(nas.coaPort());
            vendor.setValue(nas.vendor());
            requireMessageAuthenticator.setValue(nas.requireMessageAuthenticator());
        }
        var form = getContent();
        form.add(name, address, secret, coaPort, vendor, requireMessageAuthenticator);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    }

    /** The request as typed; {@code nameOverride} names it when the form shows no name field. */
    public NasClient.Request request(String nameOverride) {
        String typedSecret = secret.getValue();
        return new NasClient.Request(
                nameOverride != null ? nameOverride : name.getValue().strip(),
                address.getValue().strip(),
                // Empty means "keep" for an existing client and "missing" (the platform says so) for a new one.
                typedSecret.isEmpty() ? null : typedSecret,
                coaPort.getValue(),
                vendor.getValue(),
                requireMessageAuthenticator.getValue());
    }

    public Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("name", name.isVisible() ? name : address);
        fields.put("address", address);
        fields.put("secret", secret);
        fields.put("coaPort", coaPort);
        fields.put("vendor", vendor);
        return fields;
    }

    /** Whether anything was typed (the wizard creates a client only then). */
    public boolean isFilled() {
        return !address.getValue().isBlank() || !secret.getValue().isEmpty();
    }

    /** Suggests the address from the router's, when the router is given by address and none is typed. */
    public void suggestAddress(String routerHost) {
        if (address.getValue().isBlank()
                && routerHost != null
                && routerHost.strip().matches("[0-9.]+|[0-9a-fA-F]*:[0-9a-fA-F:.]+")) {
            address.setValue(routerHost.strip());
        }
    }

    public void focus() {
        (name.isVisible() ? name : address).focus();
    }
}
