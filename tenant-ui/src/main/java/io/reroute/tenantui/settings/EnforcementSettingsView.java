package io.reroute.tenantui.settings;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.security.CurrentStaff;
import io.reroute.tenantui.ui.FormErrors;
import io.reroute.tenantui.ui.Notifications;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** When overdue subscribers are reminded and blocked, and the router profile they are restricted into. */
@Route(value = "enforcement", layout = SettingsLayout.class)
@PageTitle("Enforcement · Settings · Reroute")
@PermitAll
public class EnforcementSettingsView extends VerticalLayout {

    private final IntegerField reminderDays = new IntegerField("Remind after (days overdue)");
    private final IntegerField blockDays = new IntegerField("Block after (days overdue)");
    private final BigDecimalField minimumAmount = new BigDecimalField("Minimum overdue amount to block");
    private final TextField addressList = new TextField("Restricted address list");
    private final TextField rateLimit = new TextField("Restricted rate limit");
    private final TextField pool = new TextField("Restricted IP pool");
    private final IntegerField interimInterval = new IntegerField("Accounting interim interval (seconds)");

    EnforcementSettingsView(PlatformApi api, CurrentStaff current) {
        setId("settings-enforcement");
        setPadding(false);
        var document = new SettingsDocument(api);
        WorkspaceSettings settings = document.load();
        String currency = api.get("/api/v1/workspace").as(WorkspaceInfo.class).currency();
        boolean canEdit = current.can("workspace:write");

        reminderDays.setId("threshold-reminder-days");
        reminderDays.setMin(0);
        reminderDays.setMax(365);
        reminderDays.setHelperText("A reminder with a pay link goes out; the subscriber stays online.");
        blockDays.setId("threshold-block-days");
        blockDays.setMin(0);
        blockDays.setMax(365);
        blockDays.setHelperText("Then the subscriber is redirected to your landing page until they pay.");
        minimumAmount.setId("threshold-minimum-amount");
        minimumAmount.setSuffixComponent(new Span(currency));
        minimumAmount.setHelperText("Smaller overdue balances never block.");
        addressList.setId("radius-address-list");
        addressList.setHelperText("The router address list restricted subscribers join; the router script uses it.");
        rateLimit.setId("radius-rate-limit");
        rateLimit.setHelperText("MikroTik rx/tx, such as 1M/1M: enough to reach the page and pay.");
        pool.setId("radius-pool");
        pool.setHelperText("Optional: a router IP pool for restricted subscribers without a static address.");
        interimInterval.setId("radius-interim-interval");
        interimInterval.setMin(60);
        interimInterval.setMax(86400);
        fill(settings);

        var thresholds = new FormLayout(reminderDays, blockDays, minimumAmount);
        thresholds.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        var radius = new FormLayout(addressList, rateLimit, pool, interimInterval);
        radius.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));

        add(
                Sections.title("Enforcement thresholds"),
                Sections.help("Days are counted past an invoice's due date, in UTC dates."));
        if (!canEdit) {
            add(Sections.readOnly());
            for (var field : new com.vaadin.flow.component.HasValue<?, ?>[] {
                reminderDays, blockDays, minimumAmount, addressList, rateLimit, pool, interimInterval
            }) {
                field.setReadOnly(true);
            }
        }
        add(
                thresholds,
                Sections.title("RADIUS profile for restricted subscribers"),
                Sections.help("Blocked, suspended and capped subscribers are accepted into this profile instead of"
                        + " being rejected, so they get online far enough to reach your page and pay."),
                radius);

        if (canEdit) {
            Map<String, HasValidation> fields = new LinkedHashMap<>();
            fields.put("thresholds.reminderAfterDays", reminderDays);
            fields.put("thresholds.blockAfterDays", blockDays);
            fields.put("thresholds.minimumAmountToBlock", minimumAmount);
            fields.put("thresholds", minimumAmount);
            fields.put("radius.restrictedAddressList", addressList);
            fields.put("radius.restrictedRateLimit", rateLimit);
            fields.put("radius.restrictedPool", pool);
            fields.put("radius.interimIntervalSeconds", interimInterval);
            fields.put("radius", addressList);
            var save = new Button("Save", e -> {
                if (!complete(fields)) {
                    return;
                }
                document.save(
                                update -> update.withThresholds(new WorkspaceSettings.Thresholds(
                                                reminderDays.getValue(),
                                                blockDays.getValue(),
                                                minimumAmount.getValue()))
                                        .withRadius(new WorkspaceSettings.Radius(
                                                blankToNull(addressList.getValue()),
                                                blankToNull(rateLimit.getValue()),
                                                blankToNull(pool.getValue()),
                                                interimInterval.getValue())),
                                fields)
                        .ifPresent(saved -> {
                            fill(saved);
                            Notifications.success("Saved.");
                        });
            });
            save.setId("enforcement-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(save);
        }
    }

    /** The thresholds are required numbers; an empty one would be sent as nothing and read as zero. */
    private boolean complete(Map<String, HasValidation> fields) {
        FormErrors.clear(fields);
        boolean complete = true;
        if (reminderDays.getValue() == null) {
            reminderDays.setErrorMessage("Enter a number of days.");
            reminderDays.setInvalid(true);
            complete = false;
        }
        if (blockDays.getValue() == null) {
            blockDays.setErrorMessage("Enter a number of days.");
            blockDays.setInvalid(true);
            complete = false;
        }
        if (minimumAmount.getValue() == null) {
            minimumAmount.setErrorMessage("Enter an amount (0 blocks any overdue balance).");
            minimumAmount.setInvalid(true);
            complete = false;
        }
        return complete;
    }

    private void fill(WorkspaceSettings settings) {
        var thresholds = settings.thresholds();
        if (thresholds != null) {
            reminderDays.setValue(thresholds.reminderAfterDays());
            blockDays.setValue(thresholds.blockAfterDays());
            minimumAmount.setValue(
                    thresholds.minimumAmountToBlock() == null ? BigDecimal.ZERO : thresholds.minimumAmountToBlock());
        }
        var radius = settings.radius();
        if (radius != null) {
            addressList.setValue(orEmpty(radius.restrictedAddressList()));
            rateLimit.setValue(orEmpty(radius.restrictedRateLimit()));
            pool.setValue(orEmpty(radius.restrictedPool()));
            interimInterval.setValue(radius.interimIntervalSeconds());
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
