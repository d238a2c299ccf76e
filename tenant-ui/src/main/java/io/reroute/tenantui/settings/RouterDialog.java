package io.reroute.tenantui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.ui.FormErrors;
import io.reroute.tenantui.ui.Notifications;
import java.util.function.Consumer;

/** Adds a router or edits one. */
class RouterDialog extends Dialog {

    RouterDialog(PlatformApi api, Router router, Consumer<Router> saved) {
        setId("router-dialog");
        setHeaderTitle(router == null ? "Add router" : "Edit " + router.name());
        setWidth("min(100%, 44rem)");
        var form = new RouterForm(router, NasClient.list(api));
        add(form);
        var save = new Button(router == null ? "Add" : "Save", e -> {
            FormErrors.clear(form.fields());
            try {
                Router result = router == null
                        ? api.post("/api/v1/routers").body(form.request()).as(Router.class)
                        : api.put("/api/v1/routers/{id}", router.id())
                                .body(form.request())
                                .as(Router.class);
                Notifications.success("Saved " + result.name() + ".");
                close();
                saved.accept(result);
            } catch (ApiProblem problem) {
                FormErrors.show(problem, form.fields());
            }
        });
        save.setId("router-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                form.focus();
            }
        });
    }
}
