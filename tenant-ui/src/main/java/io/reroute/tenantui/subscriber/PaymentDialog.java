package io.reroute.tenantui.subscriber;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.ui.Formats;
import io.reroute.tenantui.ui.Notifications;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Records money received for whole open invoices of the subscriber (the platform takes no partial
 * payments, so the amount is their total). Paying the whole overdue balance restores the subscriber.
 */
final class PaymentDialog extends ActionDialog {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record NewPayment(
            UUID subscriberId,
            List<UUID> invoiceIds,
            BigDecimal amount,
            String currency,
            String provider,
            String providerReference) {}

    private record Recorded(UUID id, BigDecimal amount, String currency) {}

    /** One key per opened dialog: a second click or a retry after a lost answer pays once. */
    private final String idempotencyKey = UUID.randomUUID().toString();

    private final CheckboxGroup<Invoice> invoices = new CheckboxGroup<>("Invoices paid");
    private final BigDecimalField amount = new BigDecimalField("Amount");
    private final TextField provider = new TextField("Provider");
    private final TextField reference = new TextField("Provider reference");

    PaymentDialog(PlatformApi api, Subscriber subscriber, Runnable onPaid) {
        super("Record a payment", "Record payment");
        List<Invoice> open = api.get("/api/v1/invoices")
                .param("subscriberId", subscriber.id())
                .param("status", "OPEN")
                .param("limit", 200)
                .as(new ParameterizedTypeReference<Pages.After<Invoice>>() {})
                .items();
        String currency = open.isEmpty() ? null : open.getFirst().currency();

        invoices.setId("payment-invoices");
        invoices.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        invoices.setItems(open);
        invoices.setItemLabelGenerator(PaymentDialog::label);
        invoices.setValue(new HashSet<>(open));
        invoices.addValueChangeListener(e -> amount.setValue(total()));
        amount.setId("payment-amount");
        amount.setReadOnly(true);
        amount.setSuffixComponent(new Span(currency == null ? "" : currency));
        amount.setHelperText("The total of the invoices chosen: payments are for whole invoices.");
        amount.setValue(total());
        provider.setId("payment-provider");
        provider.setValue("manual");
        provider.setHelperText("Where the money came in: cash, bank, …");
        reference.setId("payment-reference");
        reference.setHelperText("The receipt or transfer reference; unique per provider.");
        reference.setRequiredIndicatorVisible(true);

        var form = new FormLayout(invoices, amount, provider, reference);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        if (open.isEmpty()) {
            add(new Paragraph(subscriber.name() + " has no open invoice to pay."));
            confirmable(false);
        } else {
            add(form);
        }
        field("invoiceIds", invoices);
        field("amount", amount);
        field("provider", provider);
        field("providerReference", reference);
        onConfirm(() -> {
            var body = new NewPayment(
                    subscriber.id(),
                    invoices.getValue().stream().map(Invoice::id).toList(),
                    amount.getValue(),
                    currency,
                    provider.getValue(),
                    reference.getValue());
            Recorded payment = api.post("/api/v1/payments")
                    .header("Idempotency-Key", idempotencyKey)
                    .body(body)
                    .as(Recorded.class);
            Notifications.success("Payment of " + Formats.money(payment.amount(), payment.currency()) + " recorded.");
            onPaid.run();
        });
    }

    private BigDecimal total() {
        return invoices.getValue().stream()
                .map(Invoice::amount)
                .reduce(BigDecimal::add)
                .orElse(null);
    }

    private static String label(Invoice invoice) {
        boolean overdue = invoice.dueDate() != null && invoice.dueDate().isBefore(LocalDate.now(ZoneOffset.UTC));
        return invoice.number() + " · " + Formats.money(invoice.amount(), invoice.currency()) + " · due "
                + invoice.dueDate() + (overdue ? " (overdue)" : "");
    }
}
