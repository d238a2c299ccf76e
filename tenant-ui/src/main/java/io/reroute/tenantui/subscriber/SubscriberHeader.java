package io.reroute.tenantui.subscriber;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.reroute.tenantui.ui.Formats;
import java.util.ArrayList;
import java.util.List;

/** Who the subscriber is and where they stand: name, account number, state and since when. */
final class SubscriberHeader extends VerticalLayout {

    private final H2 name = new H2();
    private final Span account = new Span();
    private final HorizontalLayout stateLine = new HorizontalLayout();
    private final Span since = new Span();
    private final Span details = new Span();

    SubscriberHeader() {
        setPadding(false);
        setSpacing(false);
        name.setId("subscriber-name");
        name.getStyle().set("margin", "0");
        account.setId("subscriber-account");
        since.setId("subscriber-since");
        details.setId("subscriber-details");
        details.getStyle().set("color", "var(--lumo-secondary-text-color)");
        stateLine.setAlignItems(FlexComponent.Alignment.CENTER);
        var title = new HorizontalLayout(name, account);
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(title, stateLine, details);
    }

    void show(Subscriber subscriber, Catalog catalog) {
        name.setText(subscriber.name());
        account.setText("Account " + subscriber.accountNumber());
        Badge state = StateBadge.of(subscriber.state());
        state.setId("subscriber-state");
        since.setText("since " + Formats.instant(subscriber.stateChangedAt()));
        stateLine.removeAll();
        stateLine.add(state, since);

        List<String> facts = new ArrayList<>();
        if (subscriber.planId() != null) {
            facts.add("Plan " + catalog.planName(subscriber.planId()));
        }
        if (subscriber.nasId() != null) {
            facts.add("NAS " + catalog.nasName(subscriber.nasId()));
        }
        addIfPresent(facts, "PPPoE ", subscriber.pppoeUsername());
        addIfPresent(facts, "", subscriber.staticIpv4());
        addIfPresent(facts, "", subscriber.staticIpv6());
        addIfPresent(facts, "prefix ", subscriber.delegatedPrefix());
        addIfPresent(facts, "", subscriber.email());
        addIfPresent(facts, "", subscriber.phone());
        details.setText(String.join(" · ", facts));
    }

    private static void addIfPresent(List<String> facts, String prefix, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(prefix + value);
        }
    }
}
