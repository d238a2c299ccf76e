package io.reroute.tenantui.settings;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.ui.Notifications;
import java.util.UUID;

/**
 * A router's generated RouterOS script, read-only, to copy into the router's terminal. Safe to run
 * more than once; the platform refuses it (409) while the workspace has no landing IPv4.
 */
public class RouterScriptPanel extends Composite<VerticalLayout> {

    private final PlatformApi api;
    private final TextArea script = new TextArea("RouterOS script");
    private final Button copy = new Button("Copy", VaadinIcon.COPY.create());

    public RouterScriptPanel(PlatformApi api) {
        this.api = api;
        script.setId("router-script");
        script.setReadOnly(true);
        script.setWidthFull();
        script.setMaxHeight("28rem");
        script.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        script.setHelperText("Paste it into the router's terminal (New Terminal in WinBox, or SSH): select it all"
                + " (Ctrl+A in the box) and copy, or use Copy. Running it again changes nothing; everything it"
                + " creates is commented reroute:.");
        copy.setId("router-script-copy");
        copy.addClickListener(e -> {
            // The browser allows this only on https:// or localhost; otherwise the hint above still works.
            script.getElement()
                    .executeJs("return navigator.clipboard.writeText($0)", script.getValue())
                    .then(
                            copied -> Notifications.success("Copied the script."),
                            refused -> Notifications.error(
                                    "The browser did not allow copying: select the script and copy it yourself."));
        });
        var layout = getContent();
        layout.setPadding(false);
        layout.add(script, copy);
    }

    /** Loads the router's script; false (with the reason shown) when the platform cannot make one yet. */
    public boolean load(UUID routerId) {
        try {
            script.setInvalid(false);
            script.setValue(api.get("/api/v1/routers/{id}/script", routerId).text());
            copy.setEnabled(true);
            return true;
        } catch (ApiProblem problem) {
            script.setValue("");
            copy.setEnabled(false);
            script.setErrorMessage(
                    problem.status() == 409
                            ? problem.getMessage().replaceAll("\\.$", "")
                                    + ". Set the landing IPv4 (Settings, Reminders & mail) first."
                            : problem.getMessage());
            script.setInvalid(true);
            return false;
        }
    }

    public String script() {
        return script.getValue();
    }
}
