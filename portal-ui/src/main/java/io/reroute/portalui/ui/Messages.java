package io.reroute.portalui.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;

/**
 * A message about something that went wrong outside a page's own handling (a poll, a click), shown
 * at the bottom of the screen until dismissed. Plain HTML, so no notification component to load.
 */
public final class Messages {

    private static final String ID = "portal-error";

    private Messages() {}

    public static void error(UI ui, String message) {
        ui.getChildren()
                .filter(c -> c.getId().filter(ID::equals).isPresent())
                .toList()
                .forEach(ui::remove);
        var box = new Div();
        box.setId(ID);
        box.getElement().setAttribute("role", "alert");
        box.getStyle()
                .set("position", "fixed")
                .set("left", "var(--lumo-space-s)")
                .set("right", "var(--lumo-space-s)")
                .set("bottom", "var(--lumo-space-s)")
                .set("max-width", "28rem")
                .set("margin", "0 auto")
                .set("display", "flex")
                .set("gap", "var(--lumo-space-s)")
                .set("align-items", "center")
                .set("justify-content", "space-between")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "var(--lumo-error-color, #c5221f)")
                .set("color", "var(--lumo-error-contrast-color, #fff)");
        var dismiss = new NativeButton("Dismiss", click -> ui.remove(box));
        dismiss.getStyle()
                .set("background", "transparent")
                .set("color", "inherit")
                .set("border", "1px solid currentColor")
                .set("border-radius", "var(--lumo-border-radius-s)")
                .set("font", "inherit");
        box.add(new Span(message), dismiss);
        ui.add(box);
    }
}
