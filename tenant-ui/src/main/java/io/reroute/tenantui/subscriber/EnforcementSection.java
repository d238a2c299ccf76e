package io.reroute.tenantui.subscriber;

import com.vaadin.flow.component.grid.Grid;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.ui.CursorPager;
import io.reroute.tenantui.ui.Formats;
import java.time.Instant;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;

/** How state changes reached the subscriber's sessions: each CoA, Disconnect or router API step and its outcome. */
final class EnforcementSection extends Section {

    record Step(
            UUID id,
            String change,
            long stateVersion,
            UUID nasId,
            String sessionId,
            String action,
            String outcome,
            Integer errorCause,
            int attempts,
            String region,
            Instant attemptedAt) {}

    private final Grid<Step> grid = new Grid<>();
    private final CursorPager<Step> pager;

    EnforcementSection(PlatformApi api, Catalog catalog, UUID subscriberId) {
        super("enforcement-section");
        grid.setId("enforcement-grid");
        grid.setHeight("26em");
        grid.addColumn(s -> Formats.instant(s.attemptedAt())).setHeader("When");
        grid.addColumn(Step::change).setHeader("Change");
        grid.addColumn(s -> EnforcementTexts.action(s.action())).setHeader("Step");
        grid.addComponentColumn(s -> EnforcementTexts.outcome(s.outcome())).setHeader("Outcome");
        grid.addColumn(s -> EnforcementTexts.errorCause(s.errorCause())).setHeader("Error cause");
        grid.addColumn(Step::attempts).setHeader("Sends");
        grid.addColumn(s -> catalog.nasName(s.nasId())).setHeader("NAS");
        grid.addColumn(Step::sessionId).setHeader("Session");
        grid.addColumn(Step::stateVersion).setHeader("State version");
        grid.addColumn(Step::region).setHeader("Region");
        grid.getColumns().forEach(column -> column.setAutoWidth(true));
        grid.setEmptyStateText("No enforcement steps: no session was open at a state change.");
        pager = CursorPager.bind(
                grid, 50, (before, limit) -> api.get("/api/v1/subscribers/{id}/enforcement", subscriberId)
                        .param("before", before)
                        .param("limit", limit)
                        .as(new ParameterizedTypeReference<Pages.Before<Step>>() {})
                        .page());
        add(grid);
    }

    @Override
    protected void load() {
        pager.reset();
        grid.getDataProvider().refreshAll();
    }
}
