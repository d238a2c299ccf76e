package io.reroute.tenantui.ui;

import com.vaadin.flow.component.HasValidation;
import io.reroute.tenantui.platform.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shows the platform's per-field messages next to the fields they concern. The fields keep what the
 * user typed; whatever the platform said about no field on the form goes to a notification.
 */
public final class FormErrors {

    private FormErrors() {}

    /**
     * @param fields the form's inputs by the JSON path the platform names them with; a key also
     *     catches messages about paths below it ({@code branding} catches {@code branding.logoUrl})
     *     unless a more specific key exists
     */
    public static void show(ApiProblem problem, Map<String, ? extends HasValidation> fields) {
        clear(fields);
        List<String> elsewhere = new ArrayList<>();
        for (ApiProblem.FieldMessage error : problem.errors()) {
            HasValidation field = fieldFor(error.field(), fields);
            if (field == null) {
                elsewhere.add((error.field() == null ? "" : error.field() + ": ") + error.message());
            } else {
                field.setErrorMessage(error.message());
                field.setInvalid(true);
            }
        }
        if (problem.errors().isEmpty()) {
            Notifications.error(problem.getMessage());
        } else if (!elsewhere.isEmpty()) {
            Notifications.error(problem.getMessage() + " " + String.join("; ", elsewhere));
        }
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(field -> field.setInvalid(false));
    }

    private static HasValidation fieldFor(String path, Map<String, ? extends HasValidation> fields) {
        if (path == null) {
            return null;
        }
        String candidate = path;
        while (true) {
            HasValidation field = fields.get(candidate);
            if (field != null) {
                return field;
            }
            int cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
            if (cut <= 0) {
                return null;
            }
            candidate = candidate.substring(0, cut);
        }
    }
}
