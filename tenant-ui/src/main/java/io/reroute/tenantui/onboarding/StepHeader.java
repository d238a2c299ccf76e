package io.reroute.tenantui.onboarding;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** A step's title and what it is for. */
final class StepHeader {

    private StepHeader() {}

    static void add(VerticalLayout step, String title, String explanation) {
        var heading = new H3(title);
        heading.getStyle().set("margin", "0");
        var help = new Paragraph(explanation);
        help.getStyle()
                .set("margin", "0")
                .set("color", "var(--lumo-secondary-text-color)")
                .set("max-width", "48rem");
        step.add(heading, help);
    }

    static Paragraph note(String text) {
        var note = new Paragraph(text);
        note.getStyle()
                .set("margin", "0")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)")
                .set("max-width", "48rem");
        return note;
    }
}
