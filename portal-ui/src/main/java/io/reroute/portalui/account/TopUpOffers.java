package io.reroute.portalui.account;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.reroute.portalui.host.Brand;
import io.reroute.portalui.ui.Formats;
import io.reroute.portalui.ui.Styles;
import java.util.List;
import java.util.Optional;

/**
 * Extra data on sale, each with a Buy link to {@code pay/<offer>}: that page starts the top-up's
 * checkout and takes the subscriber to pay, like the Pay button does for invoices.
 */
class TopUpOffers extends Div {

    TopUpOffers(List<Account.Offer> offers, boolean paysOnline, Optional<Brand> brand) {
        setId("top-ups");
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        var heading = new Paragraph("Add data now");
        heading.getStyle().set("margin", "0").set("font-weight", "600");
        add(heading);
        if (!paysOnline) {
            add(Styles.small(new Paragraph(
                    "Your provider does not take payments online here. Please contact them" + " to buy more data.")));
        }
        for (var offer : offers) {
            var name = new Span(offer.name());
            name.getStyle().set("font-weight", "600");
            var detail = Styles.small(new Span(Formats.bytes(offer.bytes())
                    + (offer.validityDays() == null ? "" : " · valid " + days(offer.validityDays()))
                    + " · " + Formats.money(offer.price(), offer.currency())));
            var text = new Div(name, detail);
            text.getStyle()
                    .set("display", "flex")
                    .set("flex-direction", "column")
                    .set("flex", "1");
            var row = new Div(text);
            row.addClassName("top-up-offer");
            row.getStyle()
                    .set("display", "flex")
                    .set("align-items", "center")
                    .set("gap", "var(--lumo-space-s)")
                    .set("padding", "var(--lumo-space-xs) 0")
                    .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            if (paysOnline) {
                var buy = Styles.primaryButton(new Anchor("pay/" + offer.id(), "Buy"), brand);
                buy.setId("top-up-" + offer.id());
                buy.getStyle().set("width", "auto");
                buy.getElement().setAttribute("aria-label", "Buy " + offer.name());
                row.add(buy);
            }
            add(row);
        }
    }

    private static String days(int days) {
        return days == 1 ? "1 day" : days + " days";
    }
}
