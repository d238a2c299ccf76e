package io.reroute.portalui.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasOrderedComponents;
import com.vaadin.flow.component.html.Paragraph;
import io.reroute.landingpage.LandingPage;
import io.reroute.portalui.host.Brand;
import java.util.Locale;
import java.util.Optional;

/**
 * Fills in a rendered {@link LandingPage} for the portal: ids on its parts and the portal's own
 * sections in its column, so the page stays exactly the component the admin UI previews. Parts are
 * found by the class names the component documents.
 */
public final class Landings {

    private Landings() {}

    public static Optional<Component> part(Component root, String className) {
        if (root.getClassNames().contains(className)) {
            return Optional.of(root);
        }
        return root.getChildren()
                .map(child -> part(child, className))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * The workspace's name above its landing page, unless the page's title already says it: the
     * component shows the title and logo only, and a subscriber should always see whose page this is.
     */
    public static Optional<Paragraph> providerName(Brand brand) {
        String name = brand.displayName() == null ? "" : brand.displayName().strip();
        String title = brand.branding().title() == null ? "" : brand.branding().title();
        if (name.isEmpty() || title.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        var caption = new Paragraph(name);
        caption.setId("provider-name");
        caption.getStyle()
                .set("margin", "0")
                .set("width", "100%")
                .set("max-width", "28rem")
                .set("font-weight", "600")
                .set("color", "var(--lumo-secondary-text-color)");
        return Optional.of(caption);
    }

    /** A page with nothing to pay leaves the button out instead of showing one that leads nowhere. */
    public static void removePayButton(LandingPage page) {
        part(page, "landing-pay").ifPresent(pay -> pay.getElement().removeFromParent());
    }

    /** Adds sections to the page's column, above the workspace's note (support details stay last). */
    public static void addAboveNote(LandingPage page, Component... sections) {
        var body = (HasOrderedComponents) part(page, "landing-body").orElseThrow();
        var note = part(page, "landing-note");
        int index = note.map(body::indexOf).orElse(-1);
        for (Component section : sections) {
            if (index < 0) {
                body.add(section);
            } else {
                body.addComponentAtIndex(index++, section);
            }
        }
    }

    /** Adds components right after one part, such as "since when" after the status line. */
    public static void addAfter(Component part, Component... components) {
        var parent = (HasOrderedComponents) part.getParent().orElseThrow();
        int index = parent.indexOf(part) + 1;
        for (Component component : components) {
            parent.addComponentAtIndex(index++, component);
        }
    }
}
