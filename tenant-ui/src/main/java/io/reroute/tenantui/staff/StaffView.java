package io.reroute.tenantui.staff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
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
import io.reroute.tenantui.security.CurrentStaff;
import io.reroute.tenantui.shell.MainLayout;
import io.reroute.tenantui.subscriber.StateBadge;
import io.reroute.tenantui.ui.Formats;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * The workspace's staff users (scope {@code staff:read}); with {@code staff:write}, adding them and
 * changing role, password or access. Only owners are offered the owner role and owners' accounts.
 */
@Route(value = "settings/staff", layout = MainLayout.class)
@PageTitle("Staff users · Reroute")
@PermitAll
public class StaffView extends VerticalLayout implements BeforeEnterObserver {

    private record StaffList(List<StaffMember> items) {}

    private final PlatformApi api;
    private final CurrentStaff staff;
    private final boolean canWrite;
    private final Grid<StaffMember> grid = new Grid<>();

    StaffView(PlatformApi api, CurrentStaff staff) {
        this.api = api;
        this.staff = staff;
        this.canWrite = staff.can("staff:write");
        setId("staff-view");
        var add = new Button("Add staff user", VaadinIcon.PLUS.create(), e -> open(null));
        add.setId("staff-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(canWrite);
        var title = new HorizontalLayout(new H2("Staff users"), add);
        title.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("staff-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(StaffMember::email).setHeader("Email").setAutoWidth(true);
        grid.addColumn(StaffMember::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(s -> StaffDialog.roleLabel(s.role())).setHeader("Role").setAutoWidth(true);
        grid.addComponentColumn(
                        s -> s.disabled() ? StateBadge.status("disabled", false) : StateBadge.status("active", true))
                .setHeader("Access")
                .setAutoWidth(true);
        grid.addColumn(s -> s.lastSignInAt() == null ? "never" : Formats.instant(s.lastSignInAt()))
                .setHeader("Last sign-in")
                .setAutoWidth(true);
        if (canWrite) {
            grid.addComponentColumn(this::editButton)
                    .setHeader("")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        add(title, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!staff.can("staff:read")) {
            throw new ApiProblem(
                    403,
                    "urn:reroute:problem:insufficient-scope",
                    "Forbidden",
                    "Your role cannot see staff users.",
                    List.of());
        }
        reload();
    }

    private void reload() {
        StaffList list = api.get("/api/v1/staff").as(StaffList.class);
        grid.setItems(list.items() == null ? List.of() : list.items());
    }

    private Button editButton(StaffMember member) {
        var edit = new Button("Change", e -> open(member));
        edit.addClassName("staff-edit");
        edit.setId("staff-edit-" + member.email());
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        edit.setVisible(mayChange(member));
        return edit;
    }

    /** Only an owner manages owners (the platform says so too). */
    private boolean mayChange(StaffMember member) {
        return !"OWNER".equals(member.role()) || isOwner();
    }

    private boolean isOwner() {
        return "OWNER".equals(staff.require().role());
    }

    private void open(StaffMember member) {
        List<String> roles = isOwner()
                ? StaffDialog.ROLES
                : StaffDialog.ROLES.stream().filter(r -> !"OWNER".equals(r)).toList();
        new StaffDialog(api, member, roles, this::reload).open();
    }
}
