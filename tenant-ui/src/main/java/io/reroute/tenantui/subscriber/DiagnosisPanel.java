package io.reroute.tenantui.subscriber;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
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
import com.vaadin.flow.component.textfield.TextField;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.ui.FormErrors;
import io.reroute.tenantui.ui.Formats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "Why is this subscriber restricted?": the platform's state and reason, then what each gateway of
 * the region does about it right now: the record it enforces, its DNS answer, the routers' address
 * lists, the last RADIUS reply. A green badge means that part agrees with what the gateway enforces,
 * a red one that it does not.
 */
final class DiagnosisPanel extends Section {

    record Diagnosis(
            SubscriberState state,
            boolean restricted,
            Instant since,
            String reason,
            long stateVersion,
            List<Gateway> gateways,
            String note) {}

    /** One gateway's answer; {@code subscriber}, {@code dns} and the reply are null when it does not know them. */
    record Gateway(
            String instance,
            String region,
            Instant answeredAt,
            boolean stateLoaded,
            Enforced subscriber,
            Dns dns,
            List<RouterListing> routers,
            RadiusReply lastRadiusReply) {}

    record Enforced(String state, long version, boolean redirected, boolean throttled) {}

    /** {@code outcome}: REDIRECTED, ALLOWLISTED, FORWARDED, CANARY, REFUSED or NO_ADDRESS. */
    record Dns(
            String name,
            String sourceAddress,
            String outcome,
            String landingIpv4,
            String landingIpv6,
            boolean addressIsSubscribers,
            boolean served) {}

    /** {@code membership}: LISTED, NOT_LISTED or UNKNOWN. */
    record RouterListing(
            UUID routerId,
            String routerName,
            String addressList,
            String membership,
            Instant seenAt,
            String listedAddress) {}

    record RadiusReply(
            String code,
            Instant sentAt,
            String nasName,
            String framedIpAddress,
            String framedPool,
            String addressList,
            String rateLimit,
            Long totalLimitOctets,
            String filterId,
            String replyMessage) {}

    private static final Map<String, String> DNS_OUTCOMES = Map.of(
            "REDIRECTED", "Redirected to the landing page",
            "ALLOWLISTED", "Normal answer (allowlisted)",
            "FORWARDED", "Normal answer",
            "CANARY", "NXDOMAIN canary (keeps browsers off encrypted DNS)",
            "REFUSED", "Refused: the address is outside the gateway's subscriber networks",
            "NO_ADDRESS", "No address known for the subscriber");

    private final PlatformApi api;
    private final UUID subscriberId;
    private final TextField name = new TextField();
    private final Div summary = new Div();
    private final Div gateways = new Div();

    DiagnosisPanel(PlatformApi api, UUID subscriberId) {
        super("diagnosis-panel");
        this.api = api;
        this.subscriberId = subscriberId;
        name.setId("diagnosis-name");
        name.setPlaceholder("example.com");
        name.setTooltipText("The host name whose DNS answer to check");
        var again = new Button("Check again", VaadinIcon.REFRESH.create(), e -> refresh());
        again.setId("diagnosis-refresh");
        var title = new HorizontalLayout(new H3("Why is this subscriber restricted?"), name, again);
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        title.setWrap(true);
        summary.setId("diagnosis-summary");
        gateways.setId("diagnosis-gateways");
        gateways.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        add(title, summary, gateways);
    }

    @Override
    protected void load() {
        Diagnosis diagnosis;
        try {
            name.setInvalid(false);
            diagnosis = api.get("/api/v1/subscribers/{id}/diagnosis", subscriberId)
                    .param("name", name.getValue())
                    .as(Diagnosis.class);
        } catch (ApiProblem problem) {
            if (problem.errorFor("name").isEmpty()) {
                throw problem;
            }
            FormErrors.show(problem, Map.of("name", name));
            return;
        }
        showSummary(diagnosis);
        gateways.removeAll();
        List<Gateway> answers = diagnosis.gateways() == null ? List.of() : diagnosis.gateways();
        answers.forEach(gateway -> gateways.add(card(gateway, diagnosis.stateVersion())));
    }

    private void showSummary(Diagnosis diagnosis) {
        summary.removeAll();
        String restriction = diagnosis.restricted()
                ? "Restricted since " + Formats.instant(diagnosis.since()) + "."
                : "Not restricted (in this state since " + Formats.instant(diagnosis.since()) + ").";
        var line = new HorizontalLayout(StateBadge.of(diagnosis.state()), new Span(restriction));
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
            note.getStyle().set("color", "var(--lumo-error-text-color)");
            summary.add(note);
        }
    }

    private static Card card(Gateway gateway, long platformVersion) {
        var card = new Card();
        card.addClassName("diagnosis-gateway");
        card.setWidth("24em");
        card.setTitle(gateway.instance());
        card.setSubtitle(gateway.region() + ", answered " + Formats.instant(gateway.answeredAt()));
        if (!gateway.stateLoaded()) {
            card.add(StateBadge.status("Has not loaded the region yet: enforces nothing", false));
            return card;
        }
        Enforced enforced = gateway.subscriber();
        if (enforced == null) {
            card.add(StateBadge.status("Does not know this subscriber", false));
            return card;
        }
        card.add(new H5("Enforces"), enforced(enforced, platformVersion));
        card.add(new H5("DNS"), dns(gateway.dns(), enforced.redirected()));
        card.add(new H5("Router address lists"), routers(gateway.routers(), enforced.redirected()));
        card.add(new H5("Last RADIUS reply"), radius(gateway.lastRadiusReply()));
        return card;
    }

    private static Component enforced(Enforced enforced, long platformVersion) {
        String access = enforced.redirected()
                ? "redirected to the portal"
                : enforced.throttled() ? "throttled" : "normal access";
        Badge version = enforced.version() >= platformVersion
                ? StateBadge.status("up to date (version " + enforced.version() + ")", true)
                : StateBadge.status("behind: version " + enforced.version() + " of " + platformVersion, false);
        version.addClassName("diagnosis-version");
        return new Div(new Paragraph(enforced.state() + ", " + access), version);
    }

    private static Component dns(Dns dns, boolean redirected) {
        if (dns == null) {
            return new Span("Not checked.");
        }
        if (!dns.served()) {
            return new Span("This gateway does not answer DNS.");
        }
        boolean answerRedirects = "REDIRECTED".equals(dns.outcome());
        String text = DNS_OUTCOMES.getOrDefault(dns.outcome(), dns.outcome());
        // Only a real answer can agree or disagree with the record; no address or a refusal says neither.
        boolean judged = answerRedirects || "FORWARDED".equals(dns.outcome()) || "ALLOWLISTED".equals(dns.outcome());
        Badge badge = judged ? StateBadge.status(text, answerRedirects == redirected) : StateBadge.neutral(text);
        badge.addClassName("diagnosis-dns");
        var details = new Div(badge);
        String answer = answerRedirects ? landing(dns) : "";
        details.add(new Paragraph(
                dns.name() + answer + (dns.sourceAddress() == null ? "" : ", asked from " + dns.sourceAddress())));
        if (!dns.addressIsSubscribers()) {
            details.add(new Paragraph("That address is someone else's now; their standing decides."));
        }
        return details;
    }

    private static String landing(Dns dns) {
        List<String> addresses = new ArrayList<>();
        if (dns.landingIpv4() != null) {
            addresses.add(dns.landingIpv4());
        }
        if (dns.landingIpv6() != null) {
            addresses.add(dns.landingIpv6());
        }
        return addresses.isEmpty() ? "" : " → " + String.join(", ", addresses);
    }

    private static Component routers(List<RouterListing> routers, boolean redirected) {
        if (routers == null || routers.isEmpty()) {
            return new Span("No router is managed over the API.");
        }
        var items = new UnorderedList();
        for (RouterListing router : routers) {
            Badge badge =
                    switch (String.valueOf(router.membership())) {
                        case "LISTED" -> StateBadge.status("on " + router.addressList(), redirected);
                        case "NOT_LISTED" -> StateBadge.status("not on " + router.addressList(), !redirected);
                        default -> StateBadge.neutral("unknown");
                    };
            badge.addClassName("diagnosis-address-list");
            String seen = router.seenAt() == null ? "" : " (read " + Formats.instant(router.seenAt()) + ")";
            items.add(new ListItem(new Span(router.routerName() + ": "), badge, new Span(seen)));
        }
        return items;
    }

    private static Component radius(RadiusReply reply) {
        if (reply == null) {
            return new Span("None sent lately.");
        }
        var shown = new Div(new Paragraph(reply.code() + " at " + Formats.instant(reply.sentAt())
                + (reply.nasName() == null ? "" : " to " + reply.nasName())));
        shown.addClassName("diagnosis-radius");
        var attributes = new UnorderedList();
        attribute(attributes, "Framed-IP-Address", reply.framedIpAddress());
        attribute(attributes, "Framed-Pool", reply.framedPool());
        attribute(attributes, "Mikrotik-Address-List", reply.addressList());
        attribute(attributes, "Mikrotik-Rate-Limit", reply.rateLimit());
        attribute(
                attributes,
                "Mikrotik-Total-Limit",
                reply.totalLimitOctets() == null ? null : Formats.bytes(reply.totalLimitOctets()));
        attribute(attributes, "Filter-Id", reply.filterId());
        attribute(attributes, "Reply-Message", reply.replyMessage());
        if (attributes.getChildren().findAny().isPresent()) {
            shown.add(attributes);
        }
        return shown;
    }

    private static void attribute(UnorderedList list, String name, String value) {
        if (value != null) {
            list.add(new ListItem(name + " = " + value));
        }
    }
}
