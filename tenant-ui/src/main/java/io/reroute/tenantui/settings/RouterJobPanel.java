package io.reroute.tenantui.settings;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.ui.Formats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The job last asked of a router, followed until a gateway reports: the browser polls once a second
 * while the job is pending and stops as soon as it is not (or when the user leaves the page).
 */
class RouterJobPanel extends Composite<VerticalLayout> {

    static final int POLL_MILLIS = 1000;
    /** The platform expires a job nobody took after 2 minutes; this is only a backstop. */
    private static final Duration GIVE_UP = Duration.ofMinutes(3);

    private final PlatformApi api;
    private final Consumer<Router.Job> finished;
    private final Span status = new Span();
    private final Paragraph details = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final Grid<Router.Change> changes = new Grid<>();
    private Registration polling;
    private UI pollingUi;
    private Instant giveUpAt;

    RouterJobPanel(PlatformApi api, Consumer<Router.Job> finished) {
        this.api = api;
        this.finished = finished;
        status.setId("router-job-status");
        status.getStyle().set("font-weight", "600");
        details.setId("router-job-details");
        details.getStyle().set("margin", "0").set("white-space", "pre-line");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setWidth("min(100%, 16rem)");
        changes.setId("router-job-changes");
        changes.addColumn(Router.Change::kind).setHeader("Change").setAutoWidth(true);
        changes.addColumn(Router.Change::path).setHeader("Where").setFlexGrow(2);
        changes.addColumn(Router.Change::marker).setHeader("Marker").setFlexGrow(1);
        changes.setAllRowsVisible(true);
        changes.setVisible(false);
        var layout = getContent();
        layout.setId("router-job");
        layout.setPadding(false);
        layout.setSpacing(false);
        layout.add(status, progress, details, changes);
        layout.setVisible(false);
        addDetachListener(e -> stopPolling());
    }

    /** Shows the job and, while it is pending, polls it. */
    void follow(Router.Job job) {
        stopPolling();
        show(job);
        if (job.pending()) {
            giveUpAt = Instant.now().plus(GIVE_UP);
            pollingUi = getUI().orElse(UI.getCurrent());
            pollingUi.setPollInterval(POLL_MILLIS);
            polling = pollingUi.addPollListener(e -> poll(job));
        } else {
            finished.accept(job);
        }
    }

    private void poll(Router.Job job) {
        Router.Job current = api.get("/api/v1/routers/{id}/jobs/{jobId}", job.routerId(), job.id())
                .as(Router.Job.class);
        show(current);
        if (!current.pending()) {
            stopPolling();
            finished.accept(current);
        } else if (Instant.now().isAfter(giveUpAt)) {
            stopPolling();
            details.setText("No answer yet. The job list below shows it when a gateway reports.");
        }
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            pollingUi.setPollInterval(-1);
            pollingUi = null;
        }
        progress.setVisible(false);
    }

    private void show(Router.Job job) {
        getContent().setVisible(true);
        getContent().getElement().setAttribute("data-status", job.status());
        status.setText(kindLabel(job.kind()) + ": " + statusLabel(job.status()));
        progress.setVisible(job.pending());
        details.setText(describe(job));
        List<Router.Change> listed =
                Router.Change.in(job.result(), "RECONCILE".equals(job.kind()) ? "drift" : "changes");
        changes.setItems(listed);
        changes.setVisible(!listed.isEmpty());
    }

    static String describe(Router.Job job) {
        var text = new StringBuilder("Requested " + Formats.instant(job.requestedAt()));
        if (job.finishedAt() != null) {
            text.append(", finished ").append(Formats.instant(job.finishedAt()));
        }
        text.append('.');
        switch (job.status() == null ? "" : job.status()) {
            case "PENDING" ->
                text.append("\nWaiting for a gateway of the region to take it (usually within a second).");
            case "FAILED" ->
                text.append("\n").append(job.error() == null ? "The gateway reported a failure." : job.error());
            case "EXPIRED" ->
                text.append("\nNo gateway of the region took it within 2 minutes. Check that the region's"
                        + " gateways are running.");
            case "SUCCEEDED" -> {
                String identity = Router.text(job.result(), "identity");
                String version = Router.text(job.result(), "version");
                if (identity != null || version != null) {
                    text.append("\nRouter ")
                            .append(identity == null ? "" : identity)
                            .append(version == null ? "" : ", RouterOS " + version)
                            .append('.');
                }
                if ("APPLY".equals(job.kind())) {
                    int changed = Router.Change.in(job.result(), "changes").size();
                    text.append(
                            changed == 0
                                    ? "\nNothing to change: the router was up to date."
                                    : "\n" + changed + " change(s) made.");
                } else if ("RECONCILE".equals(job.kind())) {
                    int drift = Router.Change.in(job.result(), "drift").size();
                    String fixed = Router.text(job.result(), "fixed");
                    text.append(
                            drift == 0
                                    ? "\nNo drift: the router matches."
                                    : "\n" + drift + " difference(s) found, " + (fixed == null ? "0" : fixed)
                                            + " fixed.");
                }
            }
            default -> {}
        }
        return text.toString();
    }

    static String kindLabel(String kind) {
        return switch (kind == null ? "" : kind) {
            case "TEST" -> "Connection test";
            case "APPLY" -> "Apply";
            case "RECONCILE" -> "Reconcile";
            default -> kind;
        };
    }

    static String statusLabel(String status) {
        return switch (status == null ? "" : status) {
            case "PENDING" -> "waiting for a gateway";
            case "SUCCEEDED" -> "succeeded";
            case "FAILED" -> "failed";
            case "EXPIRED" -> "expired";
            default -> status;
        };
    }
}
