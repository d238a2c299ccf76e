package io.reroute.tenantui.settings;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.reroute.landingpage.LandingPage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The landing page's branding with a live preview: the very component the subscriber portal
 * renders, updated as the staff member types. Used by the settings and by the setup wizard.
 */
public class BrandingForm extends Composite<FlexLayout> {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final TextField logoUrl = new TextField("Logo URL");
    private final TextField primaryColor = new TextField("Primary colour");
    private final TextField accentColor = new TextField("Accent colour");
    private final Input primaryPicker = colorPicker("branding-primary-color-picker");
    private final Input accentPicker = colorPicker("branding-accent-color-picker");
    private final TextField title = new TextField("Title");
    private final TextArea message = new TextArea("Message");
    private final TextField buttonLabel = new TextField("Button label");
    private final TextArea note = new TextArea("Note under the button");
    private final LandingPage preview;
    private String currency;

    public BrandingForm(WorkspaceSettings.Branding branding, String currency) {
        this.currency = currency;
        logoUrl.setId("branding-logo-url");
        logoUrl.setPlaceholder("https://www.example-isp.net/logo.png");
        logoUrl.setHelperText("An https:// image; leave empty for no logo.");
        primaryColor.setId("branding-primary-color");
        primaryColor.setHelperText("#rrggbb: header band and pay button.");
        accentColor.setId("branding-accent-color");
        accentColor.setHelperText("#rrggbb: title and amount.");
        title.setId("branding-title");
        title.setMaxLength(120);
        message.setId("branding-message");
        message.setMaxLength(2000);
        message.setMinRows(3);
        buttonLabel.setId("branding-button-label");
        buttonLabel.setMaxLength(40);
        note.setId("branding-note");
        note.setMaxLength(500);
        note.setHelperText("Optional: support hours, a phone number.");

        linkPicker(primaryColor, primaryPicker);
        linkPicker(accentColor, accentPicker);

        var form = new FormLayout(
                logoUrl,
                withPicker(primaryColor, primaryPicker),
                withPicker(accentColor, accentPicker),
                title,
                message,
                buttonLabel,
                note);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.getStyle().set("flex", "1 1 20rem").set("min-width", "16rem");

        fill(branding);
        preview = new LandingPage(SampleLanding.content(value(), currency));
        preview.setId("landing-preview");
        var caption = new Span("Preview: what a restricted subscriber sees (sample account)");
        caption.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        var frame = new Div(caption, preview);
        frame.getStyle()
                .set("flex", "1 1 20rem")
                .set("min-width", "16rem")
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("gap", "var(--lumo-space-s)")
                .set("padding", "var(--lumo-space-m)")
                .set("background", "var(--lumo-contrast-5pct)")
                .set("border-radius", "var(--lumo-border-radius-l)");

        for (var field : new TextField[] {logoUrl, primaryColor, accentColor, title, buttonLabel}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setValueChangeTimeout(200);
            field.addValueChangeListener(e -> refreshPreview());
        }
        for (var area : new TextArea[] {message, note}) {
            area.setValueChangeMode(ValueChangeMode.LAZY);
            area.setValueChangeTimeout(200);
            area.addValueChangeListener(e -> refreshPreview());
        }

        var layout = getContent();
        layout.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        layout.getStyle().set("gap", "var(--lumo-space-l)");
        layout.setWidthFull();
        layout.add(form, frame);
    }

    /** Shows a document's branding (the preview follows). */
    public void fill(WorkspaceSettings.Branding branding) {
        if (branding == null) {
            return;
        }
        logoUrl.setValue(orEmpty(branding.logoUrl()));
        primaryColor.setValue(orEmpty(branding.primaryColor()));
        accentColor.setValue(orEmpty(branding.accentColor()));
        title.setValue(orEmpty(branding.title()));
        message.setValue(orEmpty(branding.message()));
        buttonLabel.setValue(orEmpty(branding.buttonLabel()));
        note.setValue(orEmpty(branding.note()));
    }

    /** What the fields say now; empty optional fields are absent. */
    public WorkspaceSettings.Branding value() {
        return new WorkspaceSettings.Branding(
                blankToNull(logoUrl.getValue()),
                primaryColor.getValue().strip(),
                accentColor.getValue().strip(),
                title.getValue(),
                message.getValue(),
                buttonLabel.getValue(),
                blankToNull(note.getValue()));
    }

    /** The inputs by the JSON path the platform names them with. */
    public Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("branding.logoUrl", logoUrl);
        fields.put("branding.primaryColor", primaryColor);
        fields.put("branding.accentColor", accentColor);
        fields.put("branding.title", title);
        fields.put("branding.message", message);
        fields.put("branding.buttonLabel", buttonLabel);
        fields.put("branding.note", note);
        return fields;
    }

    public void setReadOnly(boolean readOnly) {
        for (var field : new TextField[] {logoUrl, primaryColor, accentColor, title, buttonLabel}) {
            field.setReadOnly(readOnly);
        }
        message.setReadOnly(readOnly);
        note.setReadOnly(readOnly);
        primaryPicker.setEnabled(!readOnly);
        accentPicker.setEnabled(!readOnly);
    }

    public void setCurrency(String currency) {
        this.currency = currency;
        refreshPreview();
    }

    public LandingPage preview() {
        return preview;
    }

    private void refreshPreview() {
        if (preview != null) {
            preview.setContent(SampleLanding.content(value(), currency));
        }
    }

    /** The browser's own colour chooser next to the text, both kept in step. */
    private static Input colorPicker(String id) {
        var picker = new Input(ValueChangeMode.ON_CHANGE);
        picker.setType("color");
        picker.setId(id);
        picker.getElement().setAttribute("aria-label", "Choose a colour");
        picker.getStyle()
                .set("width", "2.25rem")
                .set("height", "2.25rem")
                .set("padding", "0")
                .set("border", "none")
                .set("background", "none")
                .set("cursor", "pointer");
        return picker;
    }

    /** Beside the field, not inside it, so the field holds one input only (what tests and autofill expect). */
    private static HorizontalLayout withPicker(TextField text, Input picker) {
        var row = new HorizontalLayout(text, picker);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setSpacing(true);
        row.setPadding(false);
        row.expand(text);
        return row;
    }

    private static void linkPicker(TextField text, Input picker) {
        text.setPlaceholder("#1f6feb");
        text.setMaxLength(7);
        text.addValueChangeListener(e -> {
            String value = e.getValue().strip();
            if (COLOR.matcher(value).matches()) {
                picker.setValue(value.toLowerCase(java.util.Locale.ROOT));
            }
        });
        picker.addValueChangeListener(e -> {
            if (e.isFromClient()
                    && e.getValue() != null
                    && COLOR.matcher(e.getValue()).matches()) {
                text.setValue(e.getValue());
            }
        });
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
