package io.reroute.portalui.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** The moment the subscriber waited for: their access is back. Announced to screen readers too. */
public class RestoredBanner extends Div {

    public RestoredBanner(String detail) {
        setId("service-restored");
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
        getStyle()
                .set("box-sizing", "border-box")
                .set("width", "100%")
                .set("max-width", "28rem")
                .set("padding", "var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-success-color, #1b873f)")
                .set("color", "var(--lumo-success-contrast-color, #fff)");
        var title = new H2("Service restored");
        title.getStyle().set("margin", "0").set("color", "inherit").set("font-size", "var(--lumo-font-size-xl)");
        var text = new Paragraph(detail);
        text.getStyle().set("margin", "var(--lumo-space-xs) 0 0");
        add(title, text);
    }
}
