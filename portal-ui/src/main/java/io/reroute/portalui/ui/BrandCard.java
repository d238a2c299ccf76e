package io.reroute.portalui.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import io.reroute.landingpage.Colors;
import io.reroute.portalui.host.Brand;
import java.net.URI;
import java.util.Optional;

/**
 * The frame of every portal page besides the landing page itself, drawn like it: the workspace's
 * colour band with its logo (or name), then one column of content. A host without a workspace gets
 * a neutral grey frame and no name.
 */
public class BrandCard extends Div {

    private static final String NEUTRAL = "#5f6368";

    private final Div body = new Div();
    private final String accent;

    public BrandCard(Optional<Brand> brand) {
        addClassName("brand-card");
        String primary = brand.map(b -> Colors.orDefault(b.branding().primaryColor(), Colors.DEFAULT_PRIMARY))
                .orElse(NEUTRAL);
        accent = brand.map(b -> Colors.orDefault(b.branding().accentColor(), Colors.DEFAULT_ACCENT))
                .orElse("var(--lumo-header-text-color)");
        getStyle()
                .set("box-sizing", "border-box")
                .set("width", "100%")
                .set("max-width", "28rem")
                .set("overflow", "hidden")
                .set("background", "var(--lumo-base-color, #fff)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("box-shadow", "var(--lumo-box-shadow-s)");
        getElement().setAttribute("data-primary-color", primary);

        var header = new Div();
        header.addClassName("brand-header");
        header.getStyle()
                .set("background", primary)
                .set("color", Colors.textOn(primary))
                .set("padding", "var(--lumo-space-m)")
                .set("font-weight", "600");
        String logo = brand.map(b -> logo(b.branding().logoUrl())).orElse(null);
        if (logo != null) {
            var image = new Image(logo, brand.get().displayName() + " logo");
            image.addClassName("brand-logo");
            image.getStyle().set("display", "block").set("max-height", "2.5rem").set("max-width", "60%");
            header.add(image);
        } else {
            header.add(new Span(brand.map(Brand::displayName).orElse("Service portal")));
        }

        body.addClassName("brand-body");
        body.getStyle()
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("gap", "var(--lumo-space-m)")
                .set("padding", "var(--lumo-space-l) var(--lumo-space-m)");
        super.add(header, body);
    }

    /** The page's heading, in the workspace's accent colour. */
    public H1 heading(String text) {
        var heading = new H1(text);
        heading.getStyle()
                .set("margin", "0")
                .set("color", accent)
                .set("font-size", "var(--lumo-font-size-xxl)")
                .set("line-height", "var(--lumo-line-height-xs)");
        body.add(heading);
        return heading;
    }

    @Override
    public void add(Component... components) {
        body.add(components);
    }

    /** Only absolute https:// images, as the landing page and the platform require of logos. */
    static String logo(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null ? uri.toString() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
