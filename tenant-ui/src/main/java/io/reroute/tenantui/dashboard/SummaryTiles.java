package io.reroute.tenantui.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import io.reroute.tenantui.subscriber.StateBadge;
import io.reroute.tenantui.subscriber.SubscriberListView;
import io.reroute.tenantui.subscriber.SubscriberState;
import io.reroute.tenantui.ui.Formats;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/** The numbers: subscribers per state (each a link to that list), money overdue, and today's changes. */
final class SummaryTiles extends Div {

    SummaryTiles() {
        setId("dashboard-tiles");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
    }

    void show(Dashboard dashboard) {
        removeAll();
        Map<SubscriberState, Long> counts =
                dashboard.subscribersByState() == null ? Map.of() : dashboard.subscribersByState();
        for (SubscriberState state : SubscriberState.values()) {
            long count = counts.getOrDefault(state, 0L);
            var number = listLink(String.valueOf(count), "state", state.name());
            number.setId("count-" + state.name().toLowerCase(Locale.ROOT));
            add(tile(number, StateBadge.of(state)));
        }

        var overdue = dashboard.overdue();
        var amount = listLink(
                Formats.money(overdue == null ? BigDecimal.ZERO : overdue.amount(), dashboard.currency()),
                "overdue",
                "true");
        amount.setId("overdue-amount");
        var overdueCount =
                new Span("overdue, " + (overdue == null ? 0 : overdue.subscribers()) + " subscribers at risk");
        overdueCount.setId("overdue-subscribers");
        add(tile(amount, overdueCount));

        var today = dashboard.today();
        add(tile(number("today-blocked", today == null ? 0 : today.blocked()), new Span("blocked today")));
        add(tile(number("today-capped", today == null ? 0 : today.capped()), new Span("capped today")));
        add(tile(number("today-restored", today == null ? 0 : today.restored()), new Span("restored today")));
    }

    /** The subscriber list filtered as the tile counts. */
    private static RouterLink listLink(String text, String filter, String value) {
        var link = new RouterLink(text, SubscriberListView.class);
        link.setQueryParameters(QueryParameters.of(filter, value));
        return link;
    }

    private static Span number(String id, long value) {
        var number = new Span(String.valueOf(value));
        number.setId(id);
        return number;
    }

    private static Card tile(Component number, Component label) {
        var card = new Card();
        card.addClassName("dashboard-tile");
        card.setMinWidth("10em");
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        card.add(number, new Div(label));
        return card;
    }
}
