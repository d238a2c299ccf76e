package io.reroute.tenantui.subscriber;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.security.CurrentStaff;
import io.reroute.tenantui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One subscriber: who they are and their state, the staff actions, and sections for history, billing,
 * sessions, usage, enforcement and why they are restricted. The subscriber is read through the
 * platform, which answers 404 for another workspace's id exactly as for an unknown one; that problem
 * is left to propagate so the page shows "Not found".
 */
@Route(value = "subscribers/:id", layout = MainLayout.class)
@PermitAll
public class SubscriberDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PlatformApi api;
    private final CurrentStaff staff;
    private final SubscriberHeader header = new SubscriberHeader();
    private final Map<Tab, Section> sections = new LinkedHashMap<>();
    private SubscriberActions actions;
    private TabSheet tabs;
    private Catalog catalog;
    private Subscriber subscriber;

    SubscriberDetailView(PlatformApi api, CurrentStaff staff) {
        this.api = api;
        this.staff = staff;
        setId("subscriber-detail");
    }

    /** The route parameters that open a subscriber's page. */
    public static RouteParameters parameters(UUID subscriberId) {
        return new RouteParameters("id", subscriberId.toString());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UUID id = parse(event.getRouteParameters().get("id").orElse(""));
        subscriber = api.get("/api/v1/subscribers/{id}", id).as(Subscriber.class);
        catalog = Catalog.load(api, staff);
        build();
    }

    private void build() {
        removeAll();
        sections.clear();
        UUID id = subscriber.id();
        actions = new SubscriberActions(api, staff, this::changed);
        header.show(subscriber, catalog);
        actions.show(subscriber);

        tabs = new TabSheet();
        tabs.setWidthFull();
        section("history", "History", new HistorySection(api, id));
        if (BillingSection.visibleTo(staff)) {
            section("billing", "Invoices & payments", new BillingSection(api, staff, id));
        }
        section("sessions", "Sessions", new SessionsSection(api, catalog, id));
        section("usage", "Usage", new UsageSection(api, id));
        section("enforcement", "Enforcement", new EnforcementSection(api, catalog, id));
        section("diagnosis", "Why restricted?", new DiagnosisPanel(api, id));
        tabs.addSelectedChangeListener(e -> sections.get(e.getSelectedTab()).showing());
        sections.values().iterator().next().showing();

        var back = new RouterLink("← All subscribers", SubscriberListView.class);
        back.setId("back-to-subscribers");
        add(back, header, actions, tabs);
    }

    private void section(String key, String title, Section section) {
        Tab tab = tabs.add(title, section);
        tab.setId("tab-" + key);
        sections.put(tab, section);
    }

    /** After an action: the header and the section in view show the change; the others reload when next shown. */
    private void changed() {
        subscriber = api.get("/api/v1/subscribers/{id}", subscriber.id()).as(Subscriber.class);
        header.show(subscriber, catalog);
        actions.show(subscriber);
        sections.values().forEach(Section::stale);
        sections.get(tabs.getSelectedTab()).showing();
    }

    @Override
    public String getPageTitle() {
        return subscriber == null
                ? "Subscriber · Reroute"
                : subscriber.accountNumber() + " " + subscriber.name() + " · Reroute";
    }

    /** An id that is no UUID cannot name a subscriber: "Not found", as for any unknown id. */
    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(404, "urn:reroute:problem:not-found", "Not found", "subscriber not found", List.of());
        }
    }
}
