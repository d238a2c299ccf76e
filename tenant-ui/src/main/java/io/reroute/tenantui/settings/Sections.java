package io.reroute.tenantui.settings;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** Pieces every settings section uses. */
final class Sections {

    private Sections() {}

    static H3 title(String text) {
        var title = new H3(text);
        title.getStyle().set("margin", "var(--lumo-space-s) 0 0 0");
        return title;
    }

    static Paragraph help(String text) {
        var help = new Paragraph(text);
        help.getStyle()
                .set("margin", "0")
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("max-width", "48rem");
        return help;
    }

    /** Shown instead of the editing controls to a role that may only look. */
    static Paragraph readOnly() {
        var notice = help("You can view this section. Changing it needs a role with more rights, such as an owner or"
                + " an admin.");
        notice.addClassName("read-only-notice");
        return notice;
    }

    /** Shown instead of the section to a role that may not even read it. */
    static Paragraph notAllowed() {
        var notice = help("Your role does not give access to this section.");
        notice.addClassName("not-allowed-notice");
        return notice;
    }

    static HorizontalLayout actions(Component... components) {
        var actions = new HorizontalLayout(components);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);
        return actions;
    }
}
