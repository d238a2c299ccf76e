package io.reroute.tenantui.settings;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.ui.FormErrors;
import io.reroute.tenantui.ui.Notifications;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates a plan, optionally with a data cap. */
class PlanDialog extends Dialog {

    private final PlatformApi api;
    private final String currency;
    private final Runnable created;
    /** One key per dialog: a retry after a lost answer cannot create the plan twice. */
    private final String idempotencyKey = UUID.randomUUID().toString();

    private final TextField name = new TextField("Name");
    private final BigDecimalField price = new BigDecimalField("Price");
    private final Select<String> billingCycle = new Select<>();
    private final IntegerField downloadKbps = new IntegerField("Download (kbit/s)");
    private final IntegerField uploadKbps = new IntegerField("Upload (kbit/s)");
    private final Checkbox capped = new Checkbox("Limit data per cycle");
    private final BigDecimalField allowanceGb = new BigDecimalField("Data per cycle (GB)");
    private final Select<String> cycleAnchor = new Select<>();
    private final IntegerField cycleDay = new IntegerField("Cycle starts on day");
    private final Select<String> capAction = new Select<>();
    private final IntegerField throttleDownload = new IntegerField("Throttle download (kbit/s)");
    private final IntegerField throttleUpload = new IntegerField("Throttle upload (kbit/s)");
    private final TextField alertThresholds = new TextField("Alert at (% used)");
    private final BigDecimalField rolloverMaxGb = new BigDecimalField("Rollover at most (GB)");
    private final IntegerField rolloverCycles = new IntegerField("Rollover lasts (cycles)");
    private final FormLayout capForm;

    PlanDialog(PlatformApi api, String currency, Runnable created) {
        this.api = api;
        this.currency = currency;
        this.created = created;
        setHeaderTitle("New plan");
        setId("plan-dialog");
        setWidth("min(100%, 44rem)");

        name.setId("plan-name");
        name.setMaxLength(100);
        price.setId("plan-price");
        price.setSuffixComponent(new Span(currency));
        billingCycle.setId("plan-billing-cycle");
        billingCycle.setLabel("Billing cycle");
        billingCycle.setItems(Plan.CYCLES);
        billingCycle.setItemLabelGenerator(PlanDialog::cycleLabel);
        billingCycle.setValue("MONTHLY");
        downloadKbps.setId("plan-download");
        downloadKbps.setMin(1);
        uploadKbps.setId("plan-upload");
        uploadKbps.setMin(1);

        capped.setId("plan-data-cap");
        allowanceGb.setId("plan-allowance-gb");
        cycleAnchor.setId("plan-cycle-anchor");
        cycleAnchor.setLabel("Cycles start");
        cycleAnchor.setItems("DAY_OF_MONTH", "SIGNUP");
        cycleAnchor.setItemLabelGenerator(
                anchor -> "SIGNUP".equals(anchor) ? "On the subscriber's signup day" : "On a fixed day of the month");
        cycleAnchor.setValue("DAY_OF_MONTH");
        cycleDay.setId("plan-cycle-day");
        cycleDay.setMin(1);
        cycleDay.setMax(31);
        cycleDay.setValue(1);
        cycleAnchor.addValueChangeListener(e -> cycleDay.setVisible("DAY_OF_MONTH".equals(e.getValue())));
        capAction.setId("plan-cap-action");
        capAction.setLabel("At the cap");
        capAction.setItems("REDIRECT", "THROTTLE");
        capAction.setItemLabelGenerator(
                action -> "THROTTLE".equals(action) ? "Slow down (stay online)" : "Redirect to the top-up page");
        capAction.setValue("REDIRECT");
        throttleDownload.setId("plan-throttle-download");
        throttleUpload.setId("plan-throttle-upload");
        capAction.addValueChangeListener(e -> showThrottle("THROTTLE".equals(e.getValue())));
        alertThresholds.setId("plan-alert-thresholds");
        alertThresholds.setValue("80, 100");
        alertThresholds.setHelperText("Up to 5 percentages, separated by commas.");
        rolloverMaxGb.setId("plan-rollover-max-gb");
        rolloverMaxGb.setHelperText("Optional: unused data carried into the next cycles.");
        rolloverCycles.setId("plan-rollover-cycles");
        rolloverCycles.setMin(1);
        rolloverCycles.setMax(12);

        var form = new FormLayout(name, price, billingCycle, downloadKbps, uploadKbps);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        capForm = new FormLayout(
                allowanceGb,
                cycleAnchor,
                cycleDay,
                capAction,
                throttleDownload,
                throttleUpload,
                alertThresholds,
                rolloverMaxGb,
                rolloverCycles);
        capForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        capForm.setVisible(false);
        showThrottle(false);
        capped.addValueChangeListener(e -> capForm.setVisible(e.getValue()));
        add(form, capped, capForm);

        var save = new Button("Create plan", e -> save());
        save.setId("plan-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void showThrottle(boolean visible) {
        throttleDownload.setVisible(visible);
        throttleUpload.setVisible(visible);
    }

    private void save() {
        Map<String, HasValidation> fields = fields();
        FormErrors.clear(fields);
        Plan.DataCap cap;
        try {
            cap = capped.getValue() ? dataCap() : null;
        } catch (IllegalArgumentException wrong) {
            return;
        }
        if (cap != null && cap.throttle() != null && !throttleComplete()) {
            return;
        }
        var plan = new Plan.New(
                name.getValue().strip(),
                price.getValue(),
                currency,
                billingCycle.getValue(),
                downloadKbps.getValue(),
                uploadKbps.getValue(),
                cap);
        try {
            Plan saved = api.post("/api/v1/plans")
                    .header("Idempotency-Key", idempotencyKey)
                    .body(plan)
                    .as(Plan.class);
            Notifications.success("Plan " + saved.name() + " created.");
            close();
            created.run();
        } catch (ApiProblem problem) {
            if (problem.status() == 409 && problem.errors().isEmpty()) {
                name.setErrorMessage(problem.getMessage());
                name.setInvalid(true);
            } else {
                FormErrors.show(problem, fields);
            }
        }
    }

    /** The cap as typed; a field that cannot be read is marked and the save stops. */
    private Plan.DataCap dataCap() {
        Long allowance = bytes(allowanceGb);
        List<Integer> thresholds = percentages();
        Plan.Rollover rollover = rolloverMaxGb.getValue() == null && rolloverCycles.getValue() == null
                ? null
                : new Plan.Rollover(bytes(rolloverMaxGb), rolloverCycles.getValue());
        boolean throttles = "THROTTLE".equals(capAction.getValue());
        boolean onDay = "DAY_OF_MONTH".equals(cycleAnchor.getValue());
        return new Plan.DataCap(
                allowance,
                cycleAnchor.getValue(),
                onDay ? cycleDay.getValue() : null,
                rollover,
                thresholds,
                capAction.getValue(),
                throttles ? new Plan.Throttle(throttleDownload.getValue(), throttleUpload.getValue()) : null);
    }

    /** Both speeds are needed to throttle; an empty one would be sent as nothing. */
    private boolean throttleComplete() {
        boolean complete = true;
        for (var speed : new IntegerField[] {throttleDownload, throttleUpload}) {
            if (speed.getValue() == null) {
                speed.setErrorMessage("Enter the speed at the cap.");
                speed.setInvalid(true);
                complete = false;
            }
        }
        return complete;
    }

    private static Long bytes(BigDecimalField gigabytes) {
        try {
            return DataSizes.bytes(gigabytes.getValue());
        } catch (ArithmeticException tooLarge) {
            gigabytes.setErrorMessage("Too large.");
            gigabytes.setInvalid(true);
            throw new IllegalArgumentException(tooLarge);
        }
    }

    private List<Integer> percentages() {
        List<Integer> values = new ArrayList<>();
        for (String part : alertThresholds.getValue().split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                values.add(Integer.parseInt(part.strip().replace("%", "")));
            } catch (NumberFormatException e) {
                alertThresholds.setErrorMessage("Whole percentages such as 80, 100.");
                alertThresholds.setInvalid(true);
                throw new IllegalArgumentException(e);
            }
        }
        return values.isEmpty() ? null : values;
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("price", price);
        fields.put("currency", price);
        fields.put("billingCycle", billingCycle);
        fields.put("downloadKbps", downloadKbps);
        fields.put("uploadKbps", uploadKbps);
        fields.put("dataCap", allowanceGb);
        fields.put("dataCap.allowanceBytes", allowanceGb);
        fields.put("dataCap.cycleAnchor", cycleAnchor);
        fields.put("dataCap.cycleDay", cycleDay);
        fields.put("dataCap.capAction", capAction);
        fields.put("dataCap.throttle", throttleDownload);
        fields.put("dataCap.throttle.downloadKbps", throttleDownload);
        fields.put("dataCap.throttle.uploadKbps", throttleUpload);
        fields.put("dataCap.alertThresholds", alertThresholds);
        fields.put("dataCap.rollover", rolloverMaxGb);
        fields.put("dataCap.rollover.maxBytes", rolloverMaxGb);
        fields.put("dataCap.rollover.cycles", rolloverCycles);
        return fields;
    }

    static String cycleLabel(String cycle) {
        return switch (cycle == null ? "" : cycle) {
            case "MONTHLY" -> "Monthly";
            case "QUARTERLY" -> "Quarterly";
            case "YEARLY" -> "Yearly";
            default -> cycle == null ? "" : cycle;
        };
    }
}
