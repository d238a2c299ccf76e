package io.reroute.tenantui.dashboard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.platform.PlatformUnavailableException;
import io.reroute.tenantui.shell.MainLayout;
import io.reroute.tenantui.ui.Formats;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;

/**
 * The first page after sign-in: subscribers by state, money at risk, today's blocks and restores,
 * the region's gateways and recent enforcement failures, all from one platform call.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard · Reroute")
@PermitAll
public class DashboardView extends VerticalLayout implements BeforeEnterObserver {

    private final PlatformApi api;
    private final Clock clock;
    private final Span updated = new Span();
    private final Paragraph problem = new Paragraph();
    private final SummaryTiles tiles = new SummaryTiles();
    private final Paragraph noGateway = new Paragraph("No gateway has reported.");
    private final Grid<Dashboard.Gateway> gateways = DashboardLists.gateways();
    private final Grid<Dashboard.EnforcementFailure> failures = DashboardLists.enforcementFailures();
    private final VerticalLayout restored = new VerticalLayout();

    DashboardView(PlatformApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
        setId("dashboard");
        var refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("dashboard-refresh");
        updated.setId("dashboard-updated");
        updated.getStyle().set("color", "var(--lumo-secondary-text-color)");
        var title = new HorizontalLayout(new H2("Dashboard"), refresh, updated);
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        problem.setId("dashboard-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);
        noGateway.setId("gateways-empty");
        restored.setPadding(false);
        add(
                title,
                problem,
                tiles,
                new H3("Restored today"),
                restored,
                new H3("Gateways"),
                noGateway,
                gateways,
                new H3("Enforcement failures"),
                failures);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        Dashboard dashboard;
        try {
            dashboard = api.get("/api/v1/dashboard").as(Dashboard.class);
        } catch (ApiProblem | PlatformUnavailableException e) {
            problem.setText("Could not load the dashboard: " + e.getMessage());
            problem.setVisible(true);
            return;
        }
        problem.setVisible(false);
        updated.setText("as of " + Formats.instant(clock.instant()));
        tiles.show(dashboard);
        // The currency is known only with the answer, so the restored list is rebuilt with it.
        var restoredGrid = DashboardLists.restoredToday(dashboard.currency());
        restoredGrid.setItems(orEmpty(dashboard.restoredToday()));
        restored.removeAll();
        restored.add(restoredGrid);
        List<Dashboard.Gateway> reported = orEmpty(dashboard.gateways());
        gateways.setItems(reported);
        gateways.setVisible(!reported.isEmpty());
        noGateway.setVisible(reported.isEmpty());
        failures.setItems(orEmpty(dashboard.enforcementFailures()));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
