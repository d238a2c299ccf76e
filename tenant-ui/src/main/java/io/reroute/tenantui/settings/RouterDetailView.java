package io.reroute.tenantui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.security.CurrentStaff;
import io.reroute.tenantui.ui.Formats;
import io.reroute.tenantui.ui.Notifications;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.UUID;

/**
 * One router: what the gateways found on it, its script, the jobs staff ask of it (test, apply,
 * reconcile; followed until a gateway reports) and the last reconciliation's drift.
 */
@Route(value = "routers/:routerId", layout = SettingsLayout.class)
@PageTitle("Router · Settings · Reroute")
@PermitAll
public class RouterDetailView extends VerticalLayout implements BeforeEnterObserver {

    static final String PARAMETER = "routerId";

    private final PlatformApi api;
    private final CurrentStaff current;
    private final Div properties = new Div();
    private final Div drift = new Div();
    private final Grid<Router.Job> jobs = new Grid<>();
    private RouterJobPanel jobPanel;
    private Router router;

    RouterDetailView(PlatformApi api, CurrentStaff current) {
        this.api = api;
        this.current = current;
        setId("router-detail");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UUID id;
        try {
            id = UUID.fromString(event.getRouteParameters().get(PARAMETER).orElse(""));
        } catch (IllegalArgumentException notAnId) {
            throw new ApiProblem(404, "urn:reroute:problem:not-found", "Not Found", "router not found", List.of());
        }
        // A foreign or unknown router answers 404, which the problem view shows as "not found".
        router = api.get("/api/v1/routers/{id}", id).as(Router.class);
        build();
    }

    private void build() {
        removeAll();
        var back = new RouterLink("All routers", RoutersView.class);
        back.setId("router-back");
        var title = Sections.title(router.name());
        title.setId("router-title");
        properties.setId("router-properties");
        showProperties();
        add(back, title, properties);

        jobPanel = new RouterJobPanel(api, this::jobFinished);
        var actions = Sections.actions();
        var preview = new Button("Script preview", VaadinIcon.FILE_TEXT_O.create(), e -> openScript());
        preview.setId("router-script-preview");
        actions.add(preview);
        if (current.can("network:write")) {
            var test = new Button("Test connection", VaadinIcon.CONNECT.create(), e -> request("test"));
            test.setId("router-test");
            var apply = new Button("Apply", VaadinIcon.UPLOAD.create(), e -> confirmApply());
            apply.setId("router-apply");
            apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var reconcile = new Button("Reconcile", VaadinIcon.REFRESH.create(), e -> request("reconcile"));
            reconcile.setId("router-reconcile");
            var edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> new RouterDialog(api, router, saved -> {
                        router = saved;
                        build();
                    })
                    .open());
            edit.setId("router-edit");
            var delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> confirmDelete());
            delete.setId("router-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(test, apply, reconcile, edit, delete);
        }
        add(actions, jobPanel);

        drift.setId("router-drift");
        add(Sections.title("Drift report"), drift);
        showDrift();

        jobs.removeAllColumns();
        jobs.setId("router-jobs-grid");
        jobs.addColumn(job -> RouterJobPanel.kindLabel(job.kind()))
                .setHeader("Job")
                .setAutoWidth(true);
        jobs.addColumn(job -> RouterJobPanel.statusLabel(job.status()))
                .setHeader("Status")
                .setAutoWidth(true);
        jobs.addColumn(job -> Formats.instant(job.requestedAt()))
                .setHeader("Requested")
                .setAutoWidth(true);
        jobs.addColumn(Router.Job::requestedBy).setHeader("By").setAutoWidth(true);
        jobs.addColumn(job -> job.error() == null ? "" : job.error())
                .setHeader("Error")
                .setFlexGrow(2);
        jobs.setAllRowsVisible(true);
        jobs.setEmptyStateText("No jobs yet.");
        add(Sections.title("Recent jobs"), jobs);
        showJobs();
    }

    private void showProperties() {
        properties.removeAll();
        var status = router.status();
        String nas = "None";
        if (router.nasId() != null) {
            nas = NasClient.list(api).stream()
                    .filter(n -> n.id().equals(router.nasId()))
                    .map(n -> n.name() + " (" + n.address() + ")")
                    .findFirst()
                    .orElse(router.nasId().toString());
        }
        property("API", router.host() + ":" + router.port() + (router.tls() ? " over TLS" : ""));
        property("API user", router.username());
        property("Role", "EDGE".equals(router.role()) ? "Edge" : "Access");
        property("NAS client", nas);
        property("Region", router.region());
        property("Identity", status == null || status.identity() == null ? "Not reached yet" : status.identity());
        property("RouterOS", status == null ? "" : status.routerOsVersion());
        property("Last contact", status == null ? "" : Formats.instant(status.lastContactAt()));
        property("Last reconciled", status == null ? "" : Formats.instant(status.reconciledAt()));
        if (status != null && status.lastError() != null) {
            property("Last error", status.lastError());
        }
    }

    private void property(String label, String value) {
        var name = new Span(label);
        name.getStyle().set("color", "var(--lumo-secondary-text-color)").set("min-width", "9rem");
        var text = new Span(value == null || value.isEmpty() ? "–" : value);
        var row = new Div(name, text);
        row.addClassName("router-property");
        row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("flex-wrap", "wrap");
        properties.add(row);
    }

    private void request(String action) {
        Router.Job job = api.post("/api/v1/routers/{id}/" + action, router.id()).as(Router.Job.class);
        jobPanel.follow(job);
        showJobs();
    }

    private void confirmApply() {
        var confirm = new ConfirmDialog(
                "Apply the configuration to " + router.name() + "?",
                "A gateway makes the router's reroute:-tagged objects what the script shows: adds, updates, removes"
                        + " tagged leftovers and moves the rules above your own. Untagged objects are never touched.",
                "Apply",
                ok -> request("apply"));
        confirm.setCancelable(true);
        confirm.setId("router-apply-confirm");
        confirm.open();
    }

    private void confirmDelete() {
        var confirm = new ConfirmDialog(
                "Delete " + router.name() + "?",
                "The gateways stop configuring it. What is on the router stays until you remove it there.",
                "Delete",
                ok -> {
                    api.delete("/api/v1/routers/{id}", router.id()).send();
                    Notifications.success("Deleted " + router.name() + ".");
                    getUI().ifPresent(ui -> ui.navigate(RoutersView.class));
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.setId("router-delete-confirm");
        confirm.open();
    }

    private void openScript() {
        var dialog = new Dialog();
        dialog.setId("router-script-dialog");
        dialog.setHeaderTitle("RouterOS script for " + router.name());
        dialog.setWidth("min(100%, 60rem)");
        var panel = new RouterScriptPanel(api);
        dialog.add(panel);
        panel.load(router.id());
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private void jobFinished(Router.Job job) {
        router = api.get("/api/v1/routers/{id}", router.id()).as(Router.class);
        showProperties();
        showJobs();
        if ("RECONCILE".equals(job.kind())) {
            showDrift();
        }
    }

    private void showJobs() {
        jobs.setItems(api.get("/api/v1/routers/{id}/jobs", router.id())
                .as(Router.JobPage.class)
                .items());
    }

    private void showDrift() {
        drift.removeAll();
        Router.Drift report;
        try {
            report = api.get("/api/v1/routers/{id}/drift", router.id()).as(Router.Drift.class);
        } catch (ApiProblem problem) {
            if (problem.status() != 404) {
                throw problem;
            }
            drift.add(new Paragraph(
                    "Not reconciled yet. Gateways reconcile every router every 5 minutes, or use" + " Reconcile."));
            return;
        }
        List<Router.Change> changes = Router.Change.in(report.report(), "drift");
        String fixed = Router.text(report.report(), "fixed");
        drift.add(new Paragraph("Last reconciled " + Formats.instant(report.reconciledAt()) + ": "
                + (changes.isEmpty()
                        ? "no drift, the router matches."
                        : changes.size() + " difference(s), " + (fixed == null ? "0" : fixed) + " fixed.")));
        if (!changes.isEmpty()) {
            var grid = new Grid<Router.Change>();
            grid.setId("router-drift-grid");
            grid.addColumn(Router.Change::kind).setHeader("Difference").setAutoWidth(true);
            grid.addColumn(Router.Change::path).setHeader("Where").setFlexGrow(2);
            grid.addColumn(Router.Change::marker).setHeader("Marker").setFlexGrow(1);
            grid.setItems(changes);
            grid.setAllRowsVisible(true);
            drift.add(grid);
        }
    }

    /** Where the list links to. */
    static RouteParameters parameters(UUID routerId) {
        return new RouteParameters(PARAMETER, routerId.toString());
    }
}
