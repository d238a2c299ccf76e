package io.reroute.tenantui.onboarding;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.reroute.landingpage.LandingPage;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.security.CurrentStaff;
import io.reroute.tenantui.settings.AllowlistEntry;
import io.reroute.tenantui.settings.NasClient;
import io.reroute.tenantui.settings.Router;
import io.reroute.tenantui.settings.SampleLanding;
import io.reroute.tenantui.settings.SettingsDocument;
import io.reroute.tenantui.settings.WorkspaceSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Step 5: what a blocked test subscriber would go through with this setup, worked out from the
 * saved settings: their DNS answers, the HTTP redirect and the landing page. With a real subscriber
 * the platform's own diagnosis shows what the gateways do for them right now.
 */
final class CheckStep implements StepForm {

    /** Names a browser or phone asks for right after connecting. */
    private static final List<String> SAMPLE_NAMES =
            List.of("www.google.com", "connectivitycheck.gstatic.com", "captive.apple.com");

    private final PlatformApi api;
    private final VerticalLayout layout = new VerticalLayout();
    private final WorkspaceSettings settings;
    private final List<String> allowlist;

    CheckStep(PlatformApi api, CurrentStaff current, String currency) {
        this.api = api;
        settings = new SettingsDocument(api).load();
        allowlist = AllowlistEntry.list(api).stream().map(AllowlistEntry::value).toList();
        layout.setPadding(false);
        layout.setId("wizard-check");
        StepHeader.add(
                layout,
                "Check",
                "What a subscriber who has not paid goes through with these settings: a blocked test subscriber,"
                        + " simulated from what you saved.");
        layout.add(warnings());
        layout.add(dns(), redirect(), landing(currency));
        if (current.can("subscribers:read")) {
            layout.add(diagnosis());
        }
    }

    private Div warnings() {
        var list = new UnorderedList();
        String ipv4 = landingIpv4();
        if (settings.reminderHost() == null) {
            list.add(new ListItem(
                    "No reminder host: reminder links and the redirect have nowhere to go (step" + " Reminder host)."));
        }
        if (ipv4 == null) {
            list.add(new ListItem(
                    "No landing IPv4: routers cannot redirect restricted subscribers (step Reminder" + " host)."));
        }
        if (allowlist.isEmpty()) {
            list.add(new ListItem(
                    "The allowlist is empty: subscribers cannot reach a payment provider (step" + " Allowlist)."));
        }
        if (Router.list(api).isEmpty() && NasClient.list(api).isEmpty()) {
            list.add(new ListItem("No router or NAS client yet (step Network)."));
        }
        var box = new Div();
        box.setId("check-warnings");
        if (list.getChildren().findAny().isPresent()) {
            box.add(new Paragraph("Still missing:"), list);
            box.getStyle()
                    .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                    .set("border-radius", "var(--lumo-border-radius-m)")
                    .set("background", "var(--lumo-error-color-10pct)");
        } else {
            box.add(new Paragraph("Everything the unpaid flow needs is set."));
            box.getStyle()
                    .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                    .set("border-radius", "var(--lumo-border-radius-m)")
                    .set("background", "var(--lumo-success-color-10pct)");
        }
        return box;
    }

    private Div dns() {
        var section = new Div();
        section.setId("check-dns");
        section.add(new H4("1. DNS"));
        String ipv4 = landingIpv4();
        section.add(new Paragraph("The gateway answers every DNS query from a restricted address with the landing"
                + " address " + (ipv4 == null ? "(not set yet)" : ipv4) + ", except these names, which resolve"
                + " normally:"));
        var normal = new UnorderedList();
        normal.setId("check-dns-allowed");
        if (settings.reminderHost() != null) {
            normal.add(new ListItem(settings.reminderHost() + " (your reminder host)"));
        }
        allowlist.forEach(value -> normal.add(new ListItem(value)));
        if (normal.getChildren().findAny().isEmpty()) {
            normal.add(new ListItem("none yet"));
        }
        section.add(normal);

        var examples = new UnorderedList();
        examples.setId("check-dns-examples");
        List<String> names = new ArrayList<>(SAMPLE_NAMES);
        allowlist.stream()
                .filter(value -> !value.startsWith("*.") && !value.contains("/"))
                .limit(2)
                .forEach(names::add);
        for (String name : names) {
            examples.add(new ListItem(describe(RestrictedDns.answer(name, settings.reminderHost(), allowlist, ipv4))));
        }
        section.add(new Paragraph("For example:"), examples);

        var tryName = new TextField("Try a name");
        tryName.setId("check-dns-name");
        tryName.setPlaceholder("checkout.stripe.com");
        tryName.setValueChangeMode(ValueChangeMode.LAZY);
        var answer = new Span();
        answer.setId("check-dns-answer");
        tryName.addValueChangeListener(e -> answer.setText(
                e.getValue().isBlank()
                        ? ""
                        : describe(RestrictedDns.answer(e.getValue(), settings.reminderHost(), allowlist, ipv4))));
        section.add(new VerticalLayout(tryName, answer));
        return section;
    }

    private static String describe(RestrictedDns.Answer answer) {
        return answer.name() + ": " + answer.because() + ".";
    }

    private Div redirect() {
        var section = new Div();
        section.setId("check-redirect");
        section.add(new H4("2. Redirect"));
        String host = settings.reminderHost() == null ? "<reminder host>" : settings.reminderHost();
        section.add(new Paragraph("A plain-HTTP request, such as http://example.com/ or the phone's connectivity"
                + " check, reaches the gateway at the landing address and is answered:"));
        var line = new Code("302 Found  Location: https://" + host + "/link/<signed token>");
        line.setId("check-redirect-location");
        line.getStyle().set("display", "block").set("white-space", "pre-wrap");
        section.add(line);
        section.add(new Paragraph("The phone shows \"Sign in to network\"; the link is signed for this subscriber and"
                + " expires. HTTPS to names that are not allowlisted is blocked by the router: it cannot be"
                + " redirected without certificate warnings."));
        return section;
    }

    private Div landing(String currency) {
        var section = new Div();
        section.setId("check-landing");
        section.add(new H4("3. Landing page"));
        section.add(new Paragraph(
                "At https://" + (settings.reminderHost() == null ? "<reminder host>" : settings.reminderHost())
                        + " the subscriber sees:"));
        var page = new LandingPage(SampleLanding.content(settings.branding(), currency));
        page.setId("check-landing-page");
        section.add(page);
        return section;
    }

    private Div diagnosis() {
        var section = new Div();
        section.add(new H4("4. A real subscriber (optional)"));
        section.add(new Paragraph("Once you have subscribers, see what the gateways do for one of them right now."));
        var query = new TextField("Account number, name or PPPoE user");
        query.setId("check-diagnosis-query");
        query.setWidth("min(100%, 24rem)");
        var result = new Div();
        result.setId("check-diagnosis");
        var diagnose = new Button("Diagnose", e -> {
            result.removeAll();
            var found = api.get("/api/v1/subscribers")
                    .param("q", query.getValue().strip())
                    .param("limit", 1)
                    .as(SubscriberPage.class)
                    .items();
            if (found.isEmpty()) {
                result.add(new Paragraph("No subscriber matches."));
                return;
            }
            var subscriber = found.getFirst();
            var diagnosis = api.get("/api/v1/subscribers/{id}/diagnosis", subscriber.id())
                    .as(Diagnosis.class);
            result.add(new Paragraph(subscriber.accountNumber() + " " + subscriber.name() + ": " + diagnosis.state()
                    + (diagnosis.restricted() ? ", restricted" : ", not restricted")
                    + (diagnosis.reason() == null ? "" : " (" + diagnosis.reason() + ")") + "."));
            var gateways = new UnorderedList();
            for (var gateway : diagnosis.gateways() == null ? List.<Diagnosis.Gateway>of() : diagnosis.gateways()) {
                var text = new StringBuilder(gateway.instance()).append(": ");
                if (!gateway.stateKnown()) {
                    text.append("does not know the subscriber's state yet");
                } else if (gateway.dns() != null) {
                    text.append("DNS for ")
                            .append(gateway.dns().name())
                            .append(gateway.dns().redirected() ? " is redirected to " : " resolves to ")
                            .append(
                                    gateway.dns().answer() == null
                                            ? ""
                                            : String.join(", ", gateway.dns().answer()));
                }
                if (gateway.lastRadiusReply() != null) {
                    text.append("; last RADIUS reply ")
                            .append(gateway.lastRadiusReply().code());
                }
                gateways.add(new ListItem(text.toString()));
            }
            result.add(gateways);
            if (diagnosis.note() != null) {
                result.add(new Paragraph(diagnosis.note()));
            }
        });
        diagnose.setId("check-diagnose");
        section.add(new VerticalLayout(query, diagnose, result));
        return section;
    }

    private String landingIpv4() {
        return settings.landing() == null ? null : settings.landing().ipv4();
    }

    record SubscriberPage(List<SubscriberRow> items) {}

    record SubscriberRow(UUID id, String accountNumber, String name) {}

    record Diagnosis(
            String state, boolean restricted, Instant since, String reason, List<Gateway> gateways, String note) {

        record Gateway(String instance, boolean stateKnown, Dns dns, RadiusReply lastRadiusReply) {}

        record Dns(String name, boolean redirected, List<String> answer) {}

        record RadiusReply(Instant at, String code, Map<String, Object> attributes) {}
    }

    @Override
    public Component component() {
        return layout;
    }

    @Override
    public boolean save() {
        return true;
    }
}
