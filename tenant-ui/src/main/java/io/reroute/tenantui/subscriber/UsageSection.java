package io.reroute.tenantui.subscriber;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.ui.Formats;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Data used this cycle, what is left and when it resets; the rollovers and top-ups in the order they are used. */
final class UsageSection extends Section {

    record Usage(
            Instant cycleStart,
            Instant resetsAt,
            Long allowanceBytes,
            long usedBytes,
            long planUsedBytes,
            Long remainingBytes,
            Integer percentUsed,
            String capAction,
            List<Integer> alerted,
            List<Grant> grants) {}

    record Grant(
            UUID id,
            String kind,
            long bytes,
            long consumedBytes,
            Instant validFrom,
            Instant expiresAt,
            String productName,
            BigDecimal price,
            String currency,
            String reference,
            String actor) {}

    private final PlatformApi api;
    private final UUID subscriberId;
    private final Paragraph summary = new Paragraph();
    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Paragraph cycle = new Paragraph();
    private final Grid<Grant> grants = new Grid<>();

    UsageSection(PlatformApi api, UUID subscriberId) {
        super("usage-section");
        this.api = api;
        this.subscriberId = subscriberId;
        summary.setId("usage-summary");
        bar.setId("usage-bar");
        cycle.setId("usage-cycle");
        grants.setId("grants-grid");
        grants.setAllRowsVisible(true);
        grants.addColumn(g -> "TOP_UP".equals(g.kind()) ? "Top-up" : "Rollover").setHeader("Kind");
        grants.addColumn(Grant::productName).setHeader("Product");
        grants.addColumn(g -> Formats.bytes(g.bytes() - g.consumedBytes()) + " of " + Formats.bytes(g.bytes()))
                .setHeader("Left");
        grants.addColumn(g -> Formats.instant(g.validFrom())).setHeader("From");
        grants.addColumn(g -> g.expiresAt() == null ? "never" : Formats.instant(g.expiresAt()))
                .setHeader("Expires");
        grants.addColumn(g -> Formats.money(g.price(), g.currency())).setHeader("Price");
        grants.addColumn(Grant::reference).setHeader("Reference");
        grants.setEmptyStateText("No rollovers or top-ups with data left.");
        add(summary, bar, cycle, new H4("Rollovers and top-ups"), grants);
    }

    @Override
    protected void load() {
        Usage usage = api.get("/api/v1/subscribers/{id}/usage", subscriberId).as(Usage.class);
        boolean unlimited = usage.allowanceBytes() == null;
        if (unlimited) {
            summary.setText("Unlimited data: " + Formats.bytes(usage.usedBytes()) + " used this cycle.");
        } else {
            summary.setText(Formats.bytes(usage.usedBytes()) + " used, " + Formats.bytes(usage.remainingBytes())
                    + " left (" + (usage.percentUsed() == null ? 0 : usage.percentUsed()) + " %). Plan allowance "
                    + Formats.bytes(usage.allowanceBytes()) + ", of which " + Formats.bytes(usage.planUsedBytes())
                    + " used.");
            int percent = usage.percentUsed() == null ? 0 : usage.percentUsed();
            bar.setValue(Math.clamp(percent / 100.0, 0.0, 1.0));
            bar.removeThemeVariants(ProgressBarVariant.LUMO_ERROR, ProgressBarVariant.LUMO_CONTRAST);
            if (percent >= 100) {
                bar.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
            }
        }
        bar.setVisible(!unlimited);
        cycle.setText("Cycle started " + Formats.instant(usage.cycleStart()) + ", resets "
                + Formats.instant(usage.resetsAt()) + "." + atCap(usage) + alerts(usage));
        grants.setItems(usage.grants() == null ? List.of() : usage.grants());
    }

    private static String atCap(Usage usage) {
        if (usage.capAction() == null) {
            return "";
        }
        return " At the cap: " + ("THROTTLE".equals(usage.capAction()) ? "slowed down" : "redirected to the portal")
                + ".";
    }

    private static String alerts(Usage usage) {
        if (usage.alerted() == null || usage.alerted().isEmpty()) {
            return "";
        }
        return " Alerts sent this cycle: "
                + usage.alerted().stream().map(p -> p + " %").collect(Collectors.joining(", ")) + ".";
    }
}
