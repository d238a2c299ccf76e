package io.reroute.tenantui.subscriber;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H5;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.ui.Formats;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * "Why is this subscriber restricted?": the platform's state and reason, then what each gateway of
 * the region does about it right now: the DNS answer it gives, the routers' address lists, the last
 * RADIUS reply. A green badge means the network agrees with the state, a red one that it does not.
 */
final class DiagnosisPanel extends Section {

    record Diagnosis(
            SubscriberState state,
            boolean restricted,
            Instant since,
            String reason,
            List<Gateway> gateways,
            String note) {}

    record Gateway(
            String instance,
            boolean stateKnown,
            Long stateVersion,
            Dns dns,
            List<AddressList> addressLists,
            RadiusReply lastRadiusReply) {}

    record Dns(String name, boolean redirected, List<String> answer) {}

    record AddressList(UUID routerId, String routerName, String list, Boolean member) {}

    record RadiusReply(Instant at, String code, Map<String, Object> attributes) {}

    private final PlatformApi api;
    private final UUID subscriberId;
    private final Div summary = new Div();
    private final Div gateways = new Div();

    DiagnosisPanel(PlatformApi api, UUID subscriberId) {
        super("diagnosis-panel");
        this.api = api;
        this.subscriberId = subscriberId;
        var again = new Button("Check again", VaadinIcon.REFRESH.create(), e -> refresh());
        again.setId("diagnosis-refresh");
        again.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var title = new HorizontalLayout(new H3("Why is this subscriber restricted?"), again);
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        summary.setId("diagnosis-summary");
        gateways.setId("diagnosis-gateways");
        gateways.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        add(title, summary, gateways);
    }

    @Override
    protected void load() {
        Diagnosis diagnosis =
                api.get("/api/v1/subscribers/{id}/diagnosis", subscriberId).as(Diagnosis.class);
        summary.removeAll();
        var state = StateBadge.of(diagnosis.state());
        String restriction = diagnosis.restricted()
                ? "Restricted since " + Formats.instant(diagnosis.since()) + "."
                : "Not restricted (since " + Formats.instant(diagnosis.since()) + ").";
        var line = new HorizontalLayout(state, new Span(restriction));
        line.setAlignItems(FlexComponent.Alignment.CENTER);
        summary.add(line);
        if (diagnosis.reason() != null) {
            var reason = new Paragraph("Reason: " + diagnosis.reason());
            reason.setId("diagnosis-reason");
            summary.add(reason);
        }
        if (diagnosis.note() != null) {
            var note = new Paragraph(diagnosis.note());
            note.setId("diagnosis-note");
            note.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-error-text-color))");
            summary.add(note);
        }
        gateways.removeAll();
        List<Gateway> answers = diagnosis.gateways() == null ? List.of() : diagnosis.gateways();
        answers.forEach(gateway -> gateways.add(card(gateway, diagnosis.restricted())));
        if (answers.isEmpty() && diagnosis.note() == null) {
            gateways.add(new Paragraph("No gateway answered."));
        }
    }

    private static Card card(Gateway gateway, boolean restricted) {
        var card = new Card();
        card.addClassName("diagnosis-gateway");
        card.setTitle(gateway.instance());
        card.setSubtitle(
                gateway.stateKnown()
                        ? "Knows the subscriber (state version " + gateway.stateVersion() + ")"
                        : "Does not know this subscriber yet");
        card.add(new H5("DNS"), dns(gateway.dns(), restricted));
        card.add(new H5("Router address lists"), addressLists(gateway.addressLists(), restricted));
        card.add(new H5("Last RADIUS reply"), radius(gateway.lastRadiusReply()));
        return card;
    }

    private static Component dns(Dns dns, boolean restricted) {
        if (dns == null) {
            return new Span("Not checked.");
        }
        Badge badge = StateBadge.status(
                dns.redirected() ? "Redirected to the landing page" : "Normal answer", dns.redirected() == restricted);
        badge.addClassName("diagnosis-dns");
        String answer = dns.answer() == null || dns.answer().isEmpty() ? "no address" : String.join(", ", dns.answer());
        return new Div(badge, new Paragraph(dns.name() + " → " + answer));
    }

    private static Component addressLists(List<AddressList> lists, boolean restricted) {
        if (lists == null || lists.isEmpty()) {
            return new Span("No router is configured over the API.");
        }
        var items = new UnorderedList();
        for (AddressList list : lists) {
            Badge badge = list.member() == null
                    ? StateBadge.neutral("unknown")
                    : StateBadge.status(
                            list.member() ? "in " + list.list() : "not in " + list.list(), list.member() == restricted);
            badge.addClassName("diagnosis-address-list");
            items.add(new ListItem(new Span(list.routerName() + ": "), badge));
        }
        return items;
    }

    private static Component radius(RadiusReply reply) {
        if (reply == null) {
            return new Span("No RADIUS request seen for this subscriber.");
        }
        var shown = new Div(new Paragraph(reply.code() + " at " + Formats.instant(reply.at())));
        shown.addClassName("diagnosis-radius");
        if (reply.attributes() != null && !reply.attributes().isEmpty()) {
            var attributes = new UnorderedList();
            reply.attributes().forEach((name, value) -> attributes.add(new ListItem(name + " = " + text(value))));
            shown.add(attributes);
        }
        return shown;
    }

    private static String text(Object value) {
        return value instanceof Collection<?> values
                ? values.stream().map(String::valueOf).collect(Collectors.joining(", "))
                : String.valueOf(value);
    }
}
