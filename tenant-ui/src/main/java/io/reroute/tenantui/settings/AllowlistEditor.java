package io.reroute.tenantui.settings;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.ui.FormErrors;
import io.reroute.tenantui.ui.Notifications;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The allowlist: what restricted subscribers can still reach. Entries are saved one by one as they
 * are added; presets add a payment provider's domains at once. Used by the settings and the wizard.
 */
public class AllowlistEditor extends Composite<VerticalLayout> {

    static final String PATH = "/api/v1/workspace/allowlist";
    static final List<String> KINDS = List.of("PAYMENT", "PORTAL", "SUPPORT", "CUSTOM");

    private final PlatformApi api;
    private final Grid<AllowlistEntry> grid = new Grid<>();
    private final TextField value = new TextField("Host, wildcard or network");
    private final Select<String> kind = new Select<>();
    private final TextField note = new TextField("Note");
    private List<AllowlistEntry> entries = List.of();

    public AllowlistEditor(PlatformApi api, boolean canEdit) {
        this.api = api;
        grid.setId("allowlist-grid");
        grid.addColumn(AllowlistEntry::value).setHeader("Value").setFlexGrow(2).setSortable(true);
        grid.addColumn(entry -> label(entry.kind())).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(entry -> matchLabel(entry.matchType()))
                .setHeader("Matches")
                .setAutoWidth(true);
        grid.addColumn(entry -> entry.note() == null ? "" : entry.note())
                .setHeader("Note")
                .setFlexGrow(1);
        if (canEdit) {
            grid.addComponentColumn(this::removeButton).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("Nothing is allowlisted yet: restricted subscribers can reach only your landing page.");

        var layout = getContent();
        layout.setPadding(false);
        if (canEdit) {
            layout.add(addForm(), presets());
        }
        layout.add(grid);
        refresh();
    }

    /** Reads the entries again. */
    public void refresh() {
        entries = AllowlistEntry.list(api);
        grid.setItems(entries);
    }

    public List<AllowlistEntry> entries() {
        return entries;
    }

    private HorizontalLayout addForm() {
        value.setId("allowlist-value");
        value.setPlaceholder("checkout.example-psp.com, *.example-psp.com or 203.0.113.0/24");
        value.setWidth("min(100%, 24rem)");
        value.setHelperText("*.example.com matches every name below example.com, not example.com itself.");
        kind.setId("allowlist-kind");
        kind.setLabel("Kind");
        kind.setItems(KINDS);
        kind.setItemLabelGenerator(AllowlistEditor::label);
        kind.setValue("PAYMENT");
        note.setId("allowlist-note");
        note.setMaxLength(200);
        var add = new Button("Add", VaadinIcon.PLUS.create(), e -> add());
        add.setId("allowlist-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickShortcut(com.vaadin.flow.component.Key.ENTER).listenOn(value);
        var form = new HorizontalLayout(value, kind, note, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private Details presets() {
        var buttons = new HorizontalLayout();
        buttons.setWrap(true);
        var list = new VerticalLayout();
        list.setPadding(false);
        list.setSpacing(false);
        for (var preset : AllowlistPresets.ALL) {
            var button = new Button("Add " + preset.label(), e -> addPreset(preset));
            button.setId("allowlist-preset-" + preset.id());
            button.setTooltipText(String.join(", ", preset.values()));
            buttons.add(button);
            list.add(new Paragraph(preset.label() + ": " + String.join(", ", preset.values())));
        }
        var details = new Details("Payment provider presets", new VerticalLayout(buttons, list));
        details.setId("allowlist-presets");
        details.setOpened(true);
        return details;
    }

    private void add() {
        var fields = Map.of("value", value, "kind", kind, "note", note);
        FormErrors.clear(fields);
        try {
            api.post(PATH)
                    .body(new AllowlistEntry.New(
                            value.getValue().strip(), kind.getValue(), blankToNull(note.getValue())))
                    .as(AllowlistEntry.class);
        } catch (ApiProblem problem) {
            if (problem.errors().isEmpty() && problem.status() == 409) {
                // Already listed, or the list is full: either way it is about the value typed.
                value.setErrorMessage(problem.getMessage());
                value.setInvalid(true);
            } else {
                FormErrors.show(problem, fields);
            }
            return;
        }
        Notifications.success("Added " + value.getValue().strip() + ".");
        value.clear();
        note.clear();
        refresh();
        value.focus();
    }

    private void addPreset(AllowlistPresets.Preset preset) {
        Set<String> present = entries.stream()
                .map(entry -> entry.value().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        int added = 0;
        int already = 0;
        List<String> refused = new ArrayList<>();
        for (String entry : preset.values()) {
            if (present.contains(entry)) {
                already++;
                continue;
            }
            try {
                api.post(PATH)
                        .body(new AllowlistEntry.New(entry, "PAYMENT", preset.label()))
                        .as(AllowlistEntry.class);
                added++;
            } catch (ApiProblem problem) {
                if (problem.status() == 409 && problem.getMessage().contains("already")) {
                    already++;
                } else {
                    refused.add(entry + ": " + problem.getMessage());
                }
            }
        }
        refresh();
        String summary =
                preset.label() + ": added " + added + (already > 0 ? ", " + already + " already listed" : "") + ".";
        if (refused.isEmpty()) {
            Notifications.success(summary);
        } else {
            Notifications.error(summary + " Not added: " + String.join("; ", refused));
        }
    }

    private Button removeButton(AllowlistEntry entry) {
        var remove = new Button(VaadinIcon.TRASH.create(), e -> {
            var confirm = new ConfirmDialog(
                    "Remove " + entry.value() + "?",
                    "Restricted subscribers will no longer reach it"
                            + ("PAYMENT".equals(entry.kind()) ? ", which may stop them paying." : "."),
                    "Remove",
                    ok -> {
                        api.delete(PATH + "/{id}", entry.id()).send();
                        Notifications.success("Removed " + entry.value() + ".");
                        refresh();
                    });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId("allowlist-remove-confirm");
            confirm.open();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.addClassName("allowlist-remove");
        remove.setAriaLabel("Remove " + entry.value());
        remove.setTooltipText("Remove");
        return remove;
    }

    static String label(String kind) {
        return switch (kind == null ? "" : kind) {
            case "PAYMENT" -> "Payment";
            case "PORTAL" -> "Portal";
            case "SUPPORT" -> "Support";
            case "CUSTOM" -> "Custom";
            default -> kind == null ? "" : kind;
        };
    }

    private static String matchLabel(String matchType) {
        return switch (matchType == null ? "" : matchType) {
            case "HOST" -> "This host";
            case "WILDCARD" -> "Every name below";
            case "CIDR" -> "Network";
            default -> matchType == null ? "" : matchType;
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
