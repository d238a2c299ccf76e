package io.reroute.tenantui.settings;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RoutePrefix;
import com.vaadin.flow.router.RouterLayout;
import io.reroute.tenantui.security.CurrentStaff;
import io.reroute.tenantui.shell.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings area: one tab per section, each its own route under {@code settings/}. Sections a
 * role cannot even read are left out (the platform would refuse them anyway).
 */
@RoutePrefix("settings")
@ParentLayout(MainLayout.class)
@PermitAll
public class SettingsLayout extends VerticalLayout implements RouterLayout, AfterNavigationObserver {

    private final Tabs tabs = new Tabs();
    private final Div content = new Div();
    /** Tab by the path it leads to, such as {@code settings/routers}. */
    private final Map<String, Tab> sections = new LinkedHashMap<>();

    SettingsLayout(CurrentStaff current) {
        setId("settings");
        setPadding(true);
        var title = new H2("Settings");
        title.getStyle().set("margin", "0");
        tabs.setId("settings-tabs");
        tabs.setWidthFull();
        section("Branding", "settings/branding", "branding");
        section("Reminders & mail", "settings/reminders", "reminders");
        section("Enforcement", "settings/enforcement", "enforcement");
        if (current.can("allowlist:read")) {
            section("Allowlist", "settings/allowlist", "allowlist");
        }
        if (current.can("plans:read")) {
            section("Plans", "settings/plans", "plans");
        }
        if (current.can("network:read")) {
            section("NAS clients", "settings/nas-clients", "nas-clients");
            section("Routers", "settings/routers", "routers");
        }
        if (current.can("api-clients:read")) {
            section("API clients", "settings/api-clients", "api-clients");
        }
        if (current.can("staff:read")) {
            section("Staff", "settings/staff", "staff");
        }
        tabs.addSelectedChangeListener(event -> {
            if (event.isFromClient() && event.getSelectedTab() != null) {
                sections.entrySet().stream()
                        .filter(entry -> entry.getValue() == event.getSelectedTab())
                        .findFirst()
                        .ifPresent(entry -> getUI().ifPresent(ui -> ui.navigate(entry.getKey())));
            }
        });
        content.setWidthFull();
        add(title, tabs, content);
    }

    private void section(String label, String path, String id) {
        var tab = new Tab(label);
        tab.setId("settings-tab-" + id);
        sections.put(path, tab);
        tabs.add(tab);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String path = event.getLocation().getPath();
        // The longest section path the location starts with: settings/routers/<id> is under Routers.
        Tab selected = sections.entrySet().stream()
                .filter(entry -> path.equals(entry.getKey()) || path.startsWith(entry.getKey() + "/"))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse(null);
        tabs.setSelectedTab(selected);
    }
}
