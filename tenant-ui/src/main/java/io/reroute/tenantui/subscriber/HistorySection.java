package io.reroute.tenantui.subscriber;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.ui.CursorPager;
import io.reroute.tenantui.ui.Formats;
import java.time.Instant;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;

/** Every state change of the subscriber, newest first: from, to, why and who. */
final class HistorySection extends Section {

    record Transition(
            long version, SubscriberState from, SubscriberState to, String reason, String actor, Instant occurredAt) {}

    private final Grid<Transition> grid = new Grid<>();
    private final CursorPager<Transition> pager;

    HistorySection(PlatformApi api, UUID subscriberId) {
        super("history-section");
        grid.setId("history-grid");
        grid.setHeight("26em");
        grid.addColumn(t -> Formats.instant(t.occurredAt()))
                .setHeader("When")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(HistorySection::change)
                .setHeader("Change")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Transition::reason).setHeader("Reason").setFlexGrow(3);
        grid.addColumn(Transition::actor).setHeader("By").setAutoWidth(true);
        grid.addColumn(Transition::version)
                .setHeader("Version")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText("No state changes yet.");
        pager = CursorPager.bind(grid, 50, (before, limit) -> api.get("/api/v1/subscribers/{id}/history", subscriberId)
                .param("before", before)
                .param("limit", limit)
                .as(new ParameterizedTypeReference<Pages.Before<Transition>>() {})
                .page());
        add(grid);
    }

    private static HorizontalLayout change(Transition t) {
        var change = new HorizontalLayout();
        change.setSpacing(false);
        change.getStyle().set("gap", "var(--lumo-space-xs)");
        if (t.from() != null) {
            change.add(StateBadge.of(t.from()), new Span("→"));
        }
        change.add(StateBadge.of(t.to()));
        return change;
    }

    @Override
    protected void load() {
        pager.reset();
        grid.getDataProvider().refreshAll();
    }
}
