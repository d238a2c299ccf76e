package io.reroute.tenantui.subscriber;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.ui.Formats;
import io.reroute.tenantui.ui.Notifications;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Grants a top-up product's data to the subscriber; a capped subscriber with data again is restored at once. */
final class TopUpDialog extends ActionDialog {

    record Product(UUID id, String name, long bytes, BigDecimal price, String currency, Integer validityDays) {

        String label() {
            return name + " · " + Formats.bytes(bytes) + " · " + Formats.money(price, currency)
                    + (validityDays == null ? "" : " · " + validityDays + " days");
        }
    }

    private record ProductList(List<Product> items) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record NewTopUp(UUID productId, String reference) {}

    /** One key per opened dialog: a second click grants once. */
    private final String idempotencyKey = UUID.randomUUID().toString();

    private final Select<Product> product = new Select<>();
    private final TextField reference = new TextField("Reference");

    TopUpDialog(PlatformApi api, Subscriber subscriber, Runnable onGranted) {
        super("Grant a top-up", "Grant top-up");
        List<Product> products = api.get("/api/v1/top-up-products")
                .param("active", "true")
                .as(ProductList.class)
                .items();
        product.setId("top-up-product");
        product.setLabel("Product");
        product.setItems(products == null ? List.of() : products);
        product.setItemLabelGenerator(Product::label);
        reference.setId("top-up-reference");
        reference.setHelperText("The payment's reference, for the records (optional).");
        if (products == null || products.isEmpty()) {
            add(new Paragraph("The workspace sells no top-up products."));
            confirmable(false);
        } else {
            product.setValue(products.getFirst());
            var form = new FormLayout(product, reference);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
            add(form);
        }
        field("productId", product);
        field("reference", reference);
        onConfirm(() -> {
            var body = new NewTopUp(
                    product.getValue() == null ? null : product.getValue().id(),
                    reference.getValue().isBlank() ? null : reference.getValue());
            api.post("/api/v1/subscribers/{id}/top-ups", subscriber.id())
                    .header("Idempotency-Key", idempotencyKey)
                    .body(body)
                    .send();
            Notifications.success(product.getValue().name() + " granted to " + subscriber.name() + ".");
            onGranted.run();
        });
    }
}
