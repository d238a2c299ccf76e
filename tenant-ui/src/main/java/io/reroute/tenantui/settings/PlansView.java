package io.reroute.tenantui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.security.CurrentStaff;
import io.reroute.tenantui.ui.Formats;
import io.reroute.tenantui.ui.Notifications;
import jakarta.annotation.security.PermitAll;
import java.util.Map;

/** Service plans (with optional data caps) and the top-up data subscribers can buy. */
@Route(value = "plans", layout = SettingsLayout.class)
@PageTitle("Plans · Settings · Reroute")
@PermitAll
public class PlansView extends VerticalLayout {

    private final PlatformApi api;
    private final Grid<Plan> plans = new Grid<>();
    private final Grid<TopUpProduct> topUps = new Grid<>();

    PlansView(PlatformApi api, CurrentStaff current) {
        this.api = api;
        setId("settings-plans");
        setPadding(false);
        add(Sections.title("Plans"));
        if (!current.can("plans:read")) {
            add(Sections.notAllowed());
            return;
        }
        boolean canEdit = current.can("plans:write");
        String currency = api.get("/api/v1/workspace").as(WorkspaceInfo.class).currency();
        if (!canEdit) {
            add(Sections.readOnly());
        }

        plans.setId("plans-grid");
        plans.addColumn(Plan::name).setHeader("Name").setFlexGrow(2);
        plans.addColumn(plan -> Formats.money(plan.price(), plan.currency()) + " / "
                        + PlanDialog.cycleLabel(plan.billingCycle()).toLowerCase(java.util.Locale.ROOT))
                .setHeader("Price")
                .setAutoWidth(true);
        plans.addColumn(plan -> speed(plan.downloadKbps()) + " ↓ / " + speed(plan.uploadKbps()) + " ↑")
                .setHeader("Speed")
                .setAutoWidth(true);
        plans.addColumn(plan -> capSummary(plan.dataCap())).setHeader("Data").setFlexGrow(2);
        plans.setAllRowsVisible(true);
        plans.setEmptyStateText("No plans yet.");
        if (canEdit) {
            var newPlan = new Button(
                    "New plan", VaadinIcon.PLUS.create(), e -> new PlanDialog(api, currency, this::refresh).open());
            newPlan.setId("plan-new");
            add(newPlan);
        }
        add(plans);

        add(
                Sections.title("Top-up products"),
                Sections.help("Data subscribers on capped plans buy on the portal; purchases keep their data when a"
                        + " product stops being sold."));
        topUps.setId("top-up-grid");
        topUps.addColumn(TopUpProduct::name).setHeader("Name").setFlexGrow(2);
        topUps.addColumn(product -> Formats.bytes(product.bytes()))
                .setHeader("Data")
                .setAutoWidth(true);
        topUps.addColumn(product -> Formats.money(product.price(), product.currency()))
                .setHeader("Price")
                .setAutoWidth(true);
        topUps.addColumn(product -> product.validityDays() == null ? "Until used" : product.validityDays() + " days")
                .setHeader("Valid")
                .setAutoWidth(true);
        topUps.addColumn(product -> product.active() ? "On sale" : "Not sold")
                .setHeader("Status")
                .setAutoWidth(true);
        if (canEdit) {
            topUps.addComponentColumn(this::activeToggle).setAutoWidth(true).setFlexGrow(0);
            var newTopUp = new Button("New top-up product", VaadinIcon.PLUS.create(), e -> new TopUpProductDialog(
                            api, currency, this::refresh)
                    .open());
            newTopUp.setId("top-up-new");
            add(newTopUp);
        }
        topUps.setAllRowsVisible(true);
        topUps.setEmptyStateText("No top-up products yet.");
        add(topUps);
        refresh();
    }

    private void refresh() {
        plans.setItems(api.get("/api/v1/plans").as(Plan.Page.class).items());
        topUps.setItems(
                api.get("/api/v1/top-up-products").as(TopUpProduct.Page.class).items());
    }

    private Button activeToggle(TopUpProduct product) {
        var button = new Button(product.active() ? "Stop selling" : "Sell again", e -> {
            api.patch("/api/v1/top-up-products/{id}", product.id())
                    .body(Map.of("active", !product.active()))
                    .as(TopUpProduct.class);
            Notifications.success(product.name() + (product.active() ? " is no longer sold." : " is on sale again."));
            refresh();
        });
        button.addClassName(product.active() ? "top-up-deactivate" : "top-up-activate");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    static String speed(Integer kbps) {
        if (kbps == null) {
            return "";
        }
        if (kbps >= 1000 && kbps % 1000 == 0) {
            return kbps / 1000 + " Mbit/s";
        }
        return kbps + " kbit/s";
    }

    static String capSummary(Plan.DataCap cap) {
        if (cap == null) {
            return "Unlimited";
        }
        var text = new StringBuilder(Formats.bytes(cap.allowanceBytes())).append(" per cycle");
        if ("DAY_OF_MONTH".equals(cap.cycleAnchor()) && cap.cycleDay() != null) {
            text.append(" from day ").append(cap.cycleDay());
        } else if ("SIGNUP".equals(cap.cycleAnchor())) {
            text.append(" from the signup day");
        }
        if ("THROTTLE".equals(cap.capAction()) && cap.throttle() != null) {
            text.append(", then ").append(speed(cap.throttle().downloadKbps())).append(" ↓");
        } else {
            text.append(", then top-up page");
        }
        if (cap.rollover() != null) {
            text.append(", rollover up to ").append(Formats.bytes(cap.rollover().maxBytes()));
        }
        return text.toString();
    }
}
