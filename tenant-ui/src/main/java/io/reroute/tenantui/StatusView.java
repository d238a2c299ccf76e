package io.reroute.tenantui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * Landing view of the admin UI. Staff sign-in, the dashboard and the onboarding wizard build on it;
 * for now it tells staff whether the platform behind this UI is reachable.
 */
@Route("")
@PageTitle("Reroute admin")
public class StatusView extends VerticalLayout {

    StatusView(PlatformClient platform, PlatformProperties properties) {
        String readiness = platform.readiness();
        var status = new Span("Platform at " + properties.url() + ": " + readiness);
        status.setId("platform-status");
        status.getElement().getThemeList().add("badge " + ("UP".equals(readiness) ? "success" : "error"));
        add(new H1("Reroute admin"), new Paragraph("Unpaid-access management for your ISP workspace."), status);
    }
}
