package io.reroute.portalui.ui;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.dom.Element;
import io.reroute.portalui.session.FormTokens;

/**
 * A plain HTML form of a server-rendered page, posted by the browser itself (no script), with the
 * session's form token in a hidden field.
 */
@Tag("form")
public class PostForm extends HtmlContainer {

    public PostForm(String action, String formToken) {
        getElement().setAttribute("method", "post").setAttribute("action", action);
        hidden(FormTokens.FIELD, formToken);
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
    }

    public PostForm hidden(String name, String value) {
        getElement()
                .appendChild(new Element("input")
                        .setAttribute("type", "hidden")
                        .setAttribute("name", name)
                        .setAttribute("value", value));
        return this;
    }
}
