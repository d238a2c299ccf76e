package io.reroute.tenantui.dashboard;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.RouterLink;
import io.reroute.tenantui.subscriber.Durations;
import io.reroute.tenantui.subscriber.EnforcementTexts;
import io.reroute.tenantui.subscriber.StateBadge;
import io.reroute.tenantui.subscriber.SubscriberDetailView;
import io.reroute.tenantui.ui.Formats;
import java.util.UUID;

/** The dashboard's three short lists: restored today, gateway health, recent enforcement failures. */
final class DashboardLists {

    private DashboardLists() {}

    static Grid<Dashboard.Restored> restoredToday(String currency) {
        var grid = new Grid<Dashboard.Restored>();
        grid.setId("restored-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(r -> Formats.instant(r.at()))
                .setHeader("When")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(r -> subscriberLink(r.subscriberId(), r.accountNumber() + " " + r.name()))
                .setHeader("Subscriber")
                .setAutoWidth(true);
        grid.addColumn(r -> r.paymentId() == null ? "" : "Payment " + Formats.money(r.paymentAmount(), currency))
                .setHeader("Paid")
                .setAutoWidth(true);
        grid.addColumn(Dashboard.Restored::reason).setHeader("Reason").setFlexGrow(2);
        grid.setEmptyStateText("Nobody was restored today.");
        return grid;
    }

    static Grid<Dashboard.Gateway> gateways() {
        var grid = new Grid<Dashboard.Gateway>();
        grid.setId("gateways-grid");
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(g -> StateBadge.status(health(g), g.healthy()))
                .setHeader("Health")
                .setWidth("9em")
                .setFlexGrow(0);
        grid.addColumn(Dashboard.Gateway::region).setHeader("Region");
        grid.addColumn(Dashboard.Gateway::instance).setHeader("Instance");
        grid.addColumn(g -> Durations.of(g.streamLagSeconds())).setHeader("Stream lag");
        grid.addColumn(g -> Durations.of(g.snapshotAgeSeconds())).setHeader("Snapshot age");
        grid.addColumn(g -> Formats.instant(g.lastSeenAt())).setHeader("Last seen");
        grid.getColumns().stream().skip(1).forEach(column -> column.setAutoWidth(true));
        return grid;
    }

    private static String health(Dashboard.Gateway gateway) {
        if (gateway.healthy()) {
            return "healthy";
        }
        return Boolean.FALSE.equals(gateway.loaded()) ? "loading" : "unhealthy";
    }

    static Grid<Dashboard.EnforcementFailure> enforcementFailures() {
        var grid = new Grid<Dashboard.EnforcementFailure>();
        grid.setId("failures-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(f -> Formats.instant(f.at())).setHeader("When");
        grid.addComponentColumn(f -> subscriberLink(f.subscriberId(), f.accountNumber()))
                .setHeader("Subscriber");
        grid.addColumn(f -> EnforcementTexts.action(f.action())).setHeader("Step");
        grid.addColumn(Dashboard.EnforcementFailure::change).setHeader("Change");
        grid.addComponentColumn(f -> EnforcementTexts.outcome(f.outcome())).setHeader("Outcome");
        grid.addColumn(f -> EnforcementTexts.errorCause(f.errorCause())).setHeader("Error cause");
        grid.addColumn(Dashboard.EnforcementFailure::acctSessionId).setHeader("Session");
        grid.getColumns().forEach(column -> column.setAutoWidth(true));
        grid.setEmptyStateText("No failed enforcement steps in the last 7 days.");
        return grid;
    }

    private static RouterLink subscriberLink(UUID id, String text) {
        var link = new RouterLink(text, SubscriberDetailView.class, SubscriberDetailView.parameters(id));
        link.addClassName("subscriber-link");
        return link;
    }
}
