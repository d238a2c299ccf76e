package io.reroute.portalui.ui;

import com.vaadin.flow.component.HasStyle;
import io.reroute.landingpage.Colors;
import io.reroute.portalui.host.Brand;
import java.util.Optional;

/**
 * Looks for the plain HTML controls the portal uses: native inputs, buttons and links weigh nothing
 * on a slow captive network, and with Lumo's properties they match the landing page.
 */
public final class Styles {

    private Styles() {}

    public static String primary(Optional<Brand> brand) {
        return brand.map(b -> Colors.orDefault(b.branding().primaryColor(), Colors.DEFAULT_PRIMARY))
                .orElse(Colors.DEFAULT_PRIMARY);
    }

    /** A full-width button (or link) in the workspace's colour, like the landing page's pay button. */
    public static <T extends HasStyle> T primaryButton(T control, Optional<Brand> brand) {
        String background = primary(brand);
        control.getStyle()
                .set("display", "block")
                .set("box-sizing", "border-box")
                .set("width", "100%")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "none")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", background)
                .set("color", Colors.textOn(background))
                .set("text-align", "center")
                .set("text-decoration", "none")
                .set("font", "inherit")
                .set("font-weight", "600")
                .set("cursor", "pointer");
        return control;
    }

    /** A quieter button for secondary actions (sign out, cancel). */
    public static <T extends HasStyle> T secondaryButton(T control) {
        control.getStyle()
                .set("display", "inline-block")
                .set("align-self", "flex-start")
                .set("box-sizing", "border-box")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-30pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "transparent")
                .set("color", "var(--lumo-body-text-color)")
                .set("text-decoration", "none")
                .set("font", "inherit")
                .set("cursor", "pointer");
        return control;
    }

    public static <T extends HasStyle> T input(T input) {
        input.getStyle()
                .set("box-sizing", "border-box")
                .set("width", "100%")
                .set("padding", "var(--lumo-space-s)")
                .set("border", "1px solid var(--lumo-contrast-30pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("font", "inherit")
                .set("font-size", "var(--lumo-font-size-l)");
        return input;
    }

    public static <T extends HasStyle> T small(T text) {
        text.getStyle()
                .set("margin", "0")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        return text;
    }

    public static <T extends HasStyle> T error(T text) {
        text.getStyle().set("margin", "0").set("color", "var(--lumo-error-text-color)");
        return text;
    }
}
