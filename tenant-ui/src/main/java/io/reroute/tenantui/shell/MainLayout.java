package io.reroute.tenantui.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.reroute.tenantui.security.CurrentStaff;
import io.reroute.tenantui.security.StaffPrincipal;
import jakarta.annotation.security.PermitAll;

/** The frame around every signed-in view: navigation (only what the role may use) and the staff menu. */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CurrentStaff current, AuthenticationContext authentication) {
        StaffPrincipal staff = current.require();
        var title = new H2(staff.workspaceName());
        title.setId("workspace-name");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

        var menu = new MenuBar();
        menu.setId("staff-menu");
        var account = menu.addItem(staff.displayName() + " · " + staff.role().toLowerCase());
        account.getSubMenu().addItem("Change password", e -> new ChangePasswordDialog().open());
        account.getSubMenu().addItem("Sign out", e -> authentication.logout()).setId("sign-out");

        var bar = new HorizontalLayout(new DrawerToggle(), title, new Span(), menu);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(bar.getComponentAt(2));
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);

        var nav = new SideNav();
        nav.setId("main-nav");
        nav.addItem(new SideNavItem("Dashboard", "", VaadinIcon.DASHBOARD.create()));
        if (current.can("subscribers:read")) {
            nav.addItem(new SideNavItem("Subscribers", "subscribers", VaadinIcon.USERS.create()));
        }
        nav.addItem(new SideNavItem("Settings", "settings", VaadinIcon.COG.create()));
        if (current.can("staff:read")) {
            nav.addItem(new SideNavItem("Staff users", "settings/staff", VaadinIcon.USER_CARD.create()));
        }
        if (current.can("workspace:write")) {
            nav.addItem(new SideNavItem("Setup wizard", "onboarding", VaadinIcon.MAGIC.create()));
        }
        addToDrawer(nav);
    }
}
