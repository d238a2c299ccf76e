package io.reroute.tenantui.settings;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.ui.FormErrors;
import io.reroute.tenantui.ui.Notifications;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Creates a top-up product: data subscribers on capped plans can buy. */
class TopUpProductDialog extends Dialog {

    private final String idempotencyKey = UUID.randomUUID().toString();
    private final TextField name = new TextField("Name");
    private final BigDecimalField gigabytes = new BigDecimalField("Data (GB)");
    private final BigDecimalField price = new BigDecimalField("Price");
    private final IntegerField validityDays = new IntegerField("Valid for (days)");

    TopUpProductDialog(PlatformApi api, String currency, Runnable created) {
        setHeaderTitle("New top-up product");
        setId("top-up-dialog");
        setWidth("min(100%, 32rem)");
        name.setId("top-up-name");
        name.setMaxLength(100);
        gigabytes.setId("top-up-gb");
        price.setId("top-up-price");
        price.setSuffixComponent(new Span(currency));
        validityDays.setId("top-up-validity");
        validityDays.setMin(1);
        validityDays.setMax(3660);
        validityDays.setHelperText("Leave empty: valid until used.");
        var form = new FormLayout(name, gigabytes, price, validityDays);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("24em", 2));
        add(form);

        var save = new Button("Create", e -> {
            Map<String, HasValidation> fields = new LinkedHashMap<>();
            fields.put("name", name);
            fields.put("bytes", gigabytes);
            fields.put("price", price);
            fields.put("currency", price);
            fields.put("validityDays", validityDays);
            FormErrors.clear(fields);
            Long bytes;
            try {
                bytes = DataSizes.bytes(gigabytes.getValue());
            } catch (ArithmeticException tooLarge) {
                gigabytes.setErrorMessage("Too large.");
                gigabytes.setInvalid(true);
                return;
            }
            try {
                TopUpProduct product = api.post("/api/v1/top-up-products")
                        .header("Idempotency-Key", idempotencyKey)
                        .body(new TopUpProduct.New(
                                name.getValue().strip(), bytes, price.getValue(), currency, validityDays.getValue()))
                        .as(TopUpProduct.class);
                Notifications.success("Top-up " + product.name() + " created.");
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
        });
        save.setId("top-up-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
