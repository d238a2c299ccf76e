package io.reroute.portalui.account;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.reroute.portalui.ui.Formats;
import io.reroute.portalui.ui.Styles;

/** How much of the plan's data this cycle used, what is left and when it renews. */
class UsageSummary extends Div {

    UsageSummary(Account.Usage usage, String primaryColor) {
        setId("usage");
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");

        var used = new Paragraph("Data used: " + Formats.bytes(usage.usedBytes()) + " of "
                + Formats.bytes(usage.allowanceBytes()) + " this period");
        used.getStyle().set("margin", "0");
        add(used);

        int percent = usage.percentUsed() == null ? 0 : Math.max(0, Math.min(100, usage.percentUsed()));
        var fill = new Div();
        fill.getStyle().set("width", percent + "%").set("height", "100%").set("background", primaryColor);
        var bar = new Div(fill);
        bar.getElement().setAttribute("role", "progressbar");
        bar.getElement().setAttribute("aria-valuemin", "0");
        bar.getElement().setAttribute("aria-valuemax", "100");
        bar.getElement().setAttribute("aria-valuenow", Integer.toString(percent));
        bar.getElement().setAttribute("aria-label", "Data used");
        bar.getStyle()
                .set("height", "0.5rem")
                .set("border-radius", "var(--lumo-border-radius-s)")
                .set("overflow", "hidden")
                .set("background", "var(--lumo-contrast-10pct)");
        add(bar);

        var remaining = new Paragraph("Data remaining: "
                + (usage.remainingBytes() == null ? "" : Formats.bytes(Math.max(0, usage.remainingBytes()))));
        remaining.setId("data-remaining");
        remaining.getStyle().set("margin", "0").set("font-weight", "600");
        add(remaining);

        if (usage.resetsAt() != null) {
            add(Styles.small(new Paragraph("Your data renews on " + Formats.date(usage.resetsAt()) + ".")));
        }
    }
}
