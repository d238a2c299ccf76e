package io.reroute.tenantui.subscriber;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.ui.FormErrors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A staff action's dialog: the inputs, Cancel and one confirm button ({@code confirm-action}). The
 * platform validates; its messages go next to the inputs they name and the dialog stays open with
 * what was typed. The confirm button is disabled while a request runs, so a double click sends once.
 */
class ActionDialog extends Dialog {

    /** The request to make; throws {@link ApiProblem} when the platform refuses it. */
    @FunctionalInterface
    interface Action {
        void perform();
    }

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Button confirm;
    private Action action = () -> {};

    ActionDialog(String title, String confirmLabel) {
        setHeaderTitle(title);
        setWidth("32em");
        confirm = new Button(confirmLabel, e -> submit());
        confirm.setId("confirm-action");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        var cancel = new Button("Cancel", e -> close());
        cancel.setId("cancel-action");
        getFooter().add(cancel, confirm);
    }

    /** Names an input by the JSON path the platform reports problems with. */
    final void field(String path, HasValidation input) {
        fields.put(path, input);
    }

    final void onConfirm(Action action) {
        this.action = action;
    }

    /** For when there is nothing to confirm, such as no open invoice to pay. */
    final void confirmable(boolean enabled) {
        confirm.setEnabled(enabled);
    }

    private void submit() {
        FormErrors.clear(fields);
        try {
            action.perform();
            close();
        } catch (ApiProblem problem) {
            FormErrors.show(problem, fields);
        } finally {
            confirm.setEnabled(true);
        }
    }
}
