package io.reroute.tenantui.subscriber;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.security.CurrentStaff;
import io.reroute.tenantui.ui.CursorPager;
import io.reroute.tenantui.ui.Formats;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;

/** The subscriber's invoices and the payments received for them. */
final class BillingSection extends Section {

    record Payment(
            UUID id,
            String provider,
            String providerReference,
            BigDecimal amount,
            String currency,
            List<UUID> invoiceIds,
            Instant receivedAt) {}

    private final Grid<Invoice> invoices = new Grid<>();
    private final Grid<Payment> payments = new Grid<>();
    private CursorPager<Invoice> invoicePager;
    private CursorPager<Payment> paymentPager;

    BillingSection(PlatformApi api, CurrentStaff staff, UUID subscriberId) {
        super("billing-section");
        if (staff.can("invoices:read")) {
            invoices.setId("invoices-grid");
            invoices.setHeight("16em");
            invoices.addColumn(Invoice::number).setHeader("Invoice").setAutoWidth(true);
            invoices.addColumn(i -> Formats.money(i.amount(), i.currency())).setHeader("Amount");
            invoices.addColumn(Invoice::dueDate).setHeader("Due");
            invoices.addComponentColumn(BillingSection::status).setHeader("Status");
            invoices.addColumn(i -> Formats.instant(i.issuedAt())).setHeader("Issued");
            invoices.addColumn(i -> Formats.instant(i.paidAt() != null ? i.paidAt() : i.voidedAt()))
                    .setHeader("Paid / voided");
            invoices.setEmptyStateText("No invoices.");
            invoicePager = CursorPager.bind(invoices, 50, (after, limit) -> api.get("/api/v1/invoices")
                    .param("subscriberId", subscriberId)
                    .param("after", after)
                    .param("limit", limit)
                    .as(new ParameterizedTypeReference<Pages.After<Invoice>>() {})
                    .page());
            add(new H4("Invoices"), invoices);
        }
        if (staff.can("payments:read")) {
            payments.setId("payments-grid");
            payments.setHeight("14em");
            payments.addColumn(p -> Formats.instant(p.receivedAt())).setHeader("Received");
            payments.addColumn(p -> Formats.money(p.amount(), p.currency())).setHeader("Amount");
            payments.addColumn(Payment::provider).setHeader("Provider");
            payments.addColumn(Payment::providerReference).setHeader("Reference");
            payments.addColumn(p -> p.invoiceIds() == null ? 0 : p.invoiceIds().size())
                    .setHeader("Invoices");
            payments.setEmptyStateText("No payments.");
            paymentPager = CursorPager.bind(payments, 50, (after, limit) -> api.get("/api/v1/payments")
                    .param("subscriberId", subscriberId)
                    .param("after", after)
                    .param("limit", limit)
                    .as(new ParameterizedTypeReference<Pages.After<Payment>>() {})
                    .page());
            add(new H4("Payments"), payments);
        }
    }

    static boolean visibleTo(CurrentStaff staff) {
        return staff.can("invoices:read") || staff.can("payments:read");
    }

    private static Badge status(Invoice invoice) {
        var badge = new Badge(invoice.status());
        switch (String.valueOf(invoice.status())) {
            case "PAID" -> badge.addThemeVariants(BadgeVariant.SUCCESS);
            case "OPEN" -> badge.addThemeVariants(BadgeVariant.WARNING);
            default -> badge.addThemeVariants(BadgeVariant.CONTRAST);
        }
        return badge;
    }

    @Override
    protected void load() {
        if (invoicePager != null) {
            invoicePager.reset();
            invoices.getDataProvider().refreshAll();
        }
        if (paymentPager != null) {
            paymentPager.reset();
            payments.getDataProvider().refreshAll();
        }
    }
}
