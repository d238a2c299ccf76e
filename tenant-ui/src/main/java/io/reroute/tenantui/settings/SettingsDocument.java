package io.reroute.tenantui.settings;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.ui.FormErrors;
import io.reroute.tenantui.ui.Notifications;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The settings document one form edits. A save applies only the form's fields to the document as
 * it was read and sends it with the entity tag it was read with, so a change someone else made in
 * the meantime is refused (412) instead of being overwritten; the user can then load the latest
 * document and save again, keeping what they typed.
 */
public final class SettingsDocument {

    static final String PATH = "/api/v1/workspace/settings";

    private final PlatformApi api;
    private PlatformApi.Versioned<WorkspaceSettings> read;

    public SettingsDocument(PlatformApi api) {
        this.api = api;
    }

    /** Reads the current document (and its entity tag). */
    public WorkspaceSettings load() {
        read = api.get(PATH).versioned(WorkspaceSettings.class);
        return read.body();
    }

    /** The document as last read or saved. */
    public WorkspaceSettings current() {
        return read == null ? load() : read.body();
    }

    /**
     * Saves the form's change over the document as last read. On a rejected field the platform's
     * message goes next to it; on a concurrent change the user is offered the latest document.
     *
     * @param change sets the form's fields, leaving the rest as read
     * @param fields the form's inputs by the JSON path the platform names them with
     * @return the saved document, or empty when nothing was saved
     */
    public Optional<WorkspaceSettings> save(
            UnaryOperator<WorkspaceSettings.SettingsUpdate> change, Map<String, ? extends HasValidation> fields) {
        FormErrors.clear(fields);
        var update = change.apply(current().toUpdate());
        try {
            var request = api.put(PATH).body(update);
            if (read.etag() != null) {
                request.ifMatch(read.etag());
            }
            read = request.versioned(WorkspaceSettings.class);
            return Optional.of(read.body());
        } catch (ApiProblem problem) {
            if (problem.status() == 412) {
                offerLatest();
            } else {
                FormErrors.show(problem, fields);
            }
            return Optional.empty();
        }
    }

    /** Someone else saved first: load theirs under the form, whose typed values stay as they are. */
    private void offerLatest() {
        var dialog = new Dialog();
        dialog.setId("settings-stale-dialog");
        dialog.setHeaderTitle("Someone else changed these settings");
        dialog.add(new Paragraph("Another staff member or an API client saved the workspace settings after you opened"
                + " this page, so your change was not saved. Load the latest settings: what you typed here stays in"
                + " the form, and saving again applies it on top of their change."));
        var reload = new Button("Load latest, keep my input", e -> {
            load();
            dialog.close();
            Notifications.success("Loaded the latest settings. Your input is kept: review it and save again.");
        });
        reload.setId("settings-reload");
        reload.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button("Not now", e -> dialog.close());
        dialog.getFooter().add(cancel, reload);
        dialog.open();
    }
}
