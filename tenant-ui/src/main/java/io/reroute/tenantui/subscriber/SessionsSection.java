package io.reroute.tenantui.subscriber;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.grid.Grid;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.ui.CursorPager;
import io.reroute.tenantui.ui.Formats;
import java.time.Instant;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;

/** The subscriber's RADIUS sessions, open ones first in time, as the routers' accounting reported them. */
final class SessionsSection extends Section {

    /** {@code inputOctets} came from the subscriber (upload), {@code outputOctets} went to them. */
    record Session(
            long id,
            UUID nasId,
            String sessionId,
            String username,
            String framedIpv4,
            Instant startedAt,
            Instant updatedAt,
            Instant stoppedAt,
            String terminateCause,
            long inputOctets,
            long outputOctets,
            long sessionSeconds,
            String status) {}

    private final Grid<Session> grid = new Grid<>();
    private final CursorPager<Session> pager;

    SessionsSection(PlatformApi api, Catalog catalog, UUID subscriberId) {
        super("sessions-section");
        grid.setId("sessions-grid");
        grid.setHeight("26em");
        grid.addComponentColumn(SessionsSection::status)
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> catalog.nasName(s.nasId())).setHeader("NAS");
        grid.addColumn(Session::username).setHeader("User name");
        grid.addColumn(Session::framedIpv4).setHeader("IPv4");
        grid.addColumn(s -> Formats.instant(s.startedAt())).setHeader("Started");
        grid.addColumn(s -> Formats.instant(s.stoppedAt() != null ? s.stoppedAt() : s.updatedAt()))
                .setHeader("Last heard / stopped");
        grid.addColumn(s -> Durations.of(s.sessionSeconds())).setHeader("Duration");
        grid.addColumn(s -> Formats.bytes(s.outputOctets())).setHeader("Download");
        grid.addColumn(s -> Formats.bytes(s.inputOctets())).setHeader("Upload");
        grid.addColumn(Session::terminateCause).setHeader("Ended by");
        grid.addColumn(Session::sessionId).setHeader("Acct-Session-Id");
        grid.getColumns().forEach(column -> column.setAutoWidth(true));
        grid.setEmptyStateText("No sessions reported for this subscriber.");
        pager = CursorPager.bind(grid, 50, (before, limit) -> api.get("/api/v1/subscribers/{id}/sessions", subscriberId)
                .param("before", before)
                .param("limit", limit)
                .as(new ParameterizedTypeReference<Pages.Before<Session>>() {})
                .page());
        add(grid);
    }

    private static Badge status(Session session) {
        var badge = new Badge(session.status());
        switch (String.valueOf(session.status())) {
            case "ACTIVE" -> badge.addThemeVariants(BadgeVariant.SUCCESS);
            case "STALE" -> badge.addThemeVariants(BadgeVariant.WARNING);
            default -> badge.addThemeVariants(BadgeVariant.CONTRAST);
        }
        return badge;
    }

    @Override
    protected void load() {
        pager.reset();
        grid.getDataProvider().refreshAll();
    }
}
