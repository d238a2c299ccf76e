package io.reroute.tenantui.settings;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reminder host and the landing addresses, with the DNS records the ISP must create for the
 * host (kept up to date as they type). Used by the settings and by the setup wizard.
 */
public class ReminderHostForm extends Composite<VerticalLayout> {

    private final TextField reminderHost = new TextField("Reminder host");
    private final TextField landingIpv4 = new TextField("Landing IPv4");
    private final TextField landingIpv6 = new TextField("Landing IPv6");
    private final Div dnsRecords = new Div();
    private final PortalProperties portal;

    public ReminderHostForm(WorkspaceSettings settings, PortalProperties portal) {
        this.portal = portal;
        reminderHost.setId("reminder-host");
        reminderHost.setPlaceholder("pay.example-isp.net");
        reminderHost.setHelperText("A name in your own domain. Reminder links and the captive redirect use"
                + " https://<reminder host>/..., so subscribers see your name, not ours.");
        landingIpv4.setId("landing-ipv4");
        landingIpv4.setPlaceholder("192.0.2.10");
        landingIpv4.setHelperText("An address on your network that reaches the Reroute enforcement gateway's"
                + " DNS (53) and HTTP (80) ports. The router script sends restricted subscribers' DNS and plain"
                + " HTTP there. Needs no DNS record.");
        landingIpv6.setId("landing-ipv6");
        landingIpv6.setPlaceholder("2001:db8::10");
        landingIpv6.setHelperText("Optional: the same for IPv6 subscribers.");
        reminderHost.setValueChangeMode(ValueChangeMode.LAZY);
        reminderHost.addValueChangeListener(e -> showDnsRecords());

        var form = new FormLayout(reminderHost, landingIpv4, landingIpv6);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));

        dnsRecords.setId("dns-records");
        dnsRecords.setWidthFull();
        var layout = getContent();
        layout.setPadding(false);
        layout.add(form, dnsRecords);
        fill(settings);
    }

    public void fill(WorkspaceSettings settings) {
        reminderHost.setValue(orEmpty(settings.reminderHost()));
        var landing = settings.landing();
        landingIpv4.setValue(landing == null ? "" : orEmpty(landing.ipv4()));
        landingIpv6.setValue(landing == null ? "" : orEmpty(landing.ipv6()));
        showDnsRecords();
    }

    /** The form's fields over a settings document; empty fields clear their setting. */
    public WorkspaceSettings.SettingsUpdate applyTo(WorkspaceSettings.SettingsUpdate update) {
        return update.withReminderHost(blankToNull(reminderHost.getValue()))
                .withLanding(new WorkspaceSettings.Landing(
                        blankToNull(landingIpv4.getValue()), blankToNull(landingIpv6.getValue())));
    }

    public Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("reminderHost", reminderHost);
        fields.put("landing.ipv4", landingIpv4);
        fields.put("landing.ipv6", landingIpv6);
        fields.put("landing", landingIpv4);
        return fields;
    }

    /**
     * Checks what the platform allows to be empty but the setup needs: a reminder host (for links)
     * and a landing IPv4 (for the router script). Marks the empty ones; true when both are there.
     */
    public boolean requireHostAndIpv4() {
        boolean complete = true;
        for (var field : new TextField[] {reminderHost, landingIpv4}) {
            if (field.getValue().isBlank()) {
                field.setErrorMessage("Needed to finish the setup.");
                field.setInvalid(true);
                complete = false;
            }
        }
        return complete;
    }

    public void setRequiredIndicators(boolean visible) {
        reminderHost.setRequiredIndicatorVisible(visible);
        landingIpv4.setRequiredIndicatorVisible(visible);
    }

    public void setReadOnly(boolean readOnly) {
        reminderHost.setReadOnly(readOnly);
        landingIpv4.setReadOnly(readOnly);
        landingIpv6.setReadOnly(readOnly);
    }

    private void showDnsRecords() {
        dnsRecords.removeAll();
        var records = DnsRecords.forReminderHost(reminderHost.getValue(), portal);
        var heading = new Span("DNS records to create in your zone");
        heading.getStyle().set("font-weight", "600");
        dnsRecords.add(heading);
        if (records.isEmpty()) {
            dnsRecords.add(new Paragraph("Enter the reminder host to see the records to create."));
            return;
        }
        for (var record : records) {
            var line = new Code(record.zoneLine());
            line.addClassName("dns-record-line");
            line.getStyle()
                    .set("display", "block")
                    .set("white-space", "pre-wrap")
                    .set("word-break", "break-all");
            var why = new Span(record.purpose());
            why.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            var item = new Div(line, why);
            item.addClassName("dns-record");
            item.getElement().setAttribute("data-type", record.type());
            item.getStyle()
                    .set("padding", "var(--lumo-space-s)")
                    .set("margin-top", "var(--lumo-space-xs)")
                    .set("background", "var(--lumo-contrast-5pct)")
                    .set("border-radius", "var(--lumo-border-radius-m)");
            dnsRecords.add(item);
        }
        if (portal.publicIpv6() == null) {
            dnsRecords.add(smallNote("Add an AAAA record too only if your operator gives the portal an IPv6 address."));
        }
        dnsRecords.add(smallNote("Restricted subscribers can always resolve "
                + records.getFirst().name()
                + ": the gateway answers it normally instead of with the landing address."));
    }

    private static Paragraph smallNote(String text) {
        var note = new Paragraph(text);
        note.getStyle()
                .set("margin", "var(--lumo-space-xs) 0 0 0")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        return note;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
