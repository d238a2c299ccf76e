package io.reroute.tenantui.subscriber;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformUnavailableException;

/**
 * One part of the subscriber page. It loads when first shown and again after it was marked stale
 * (by an action that changed the subscriber), so the page does not ask the platform for everything
 * at once. A failure to load is shown inside the section; the rest of the page keeps working.
 */
abstract class Section extends VerticalLayout {

    private final Paragraph problem = new Paragraph();
    private boolean loaded;

    Section(String id) {
        setId(id);
        setPadding(false);
        problem.addClassName("section-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    /** Loads unless already loaded since the last change. */
    final void showing() {
        if (!loaded) {
            refresh();
        }
    }

    final void stale() {
        loaded = false;
    }

    final void refresh() {
        try {
            remove(problem);
            load();
            loaded = true;
        } catch (ApiProblem | PlatformUnavailableException e) {
            problem.setText("Could not load this: " + e.getMessage());
            addComponentAsFirst(problem);
        }
    }

    protected abstract void load();
}
