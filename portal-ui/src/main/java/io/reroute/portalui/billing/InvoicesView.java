package io.reroute.portalui.billing;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.reroute.portalui.host.Brand;
import io.reroute.portalui.host.Brands;
import io.reroute.portalui.host.CurrentHost;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.session.PortalSession;
import io.reroute.portalui.session.Sessions;
import io.reroute.portalui.ui.BrandCard;
import io.reroute.portalui.ui.Formats;
import io.reroute.portalui.ui.PortalView;
import io.reroute.portalui.ui.Styles;
import java.util.List;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The subscriber's invoices and receipts, each with its PDF, and how to reach the provider. Plain
 * lists rather than a grid: a phone screen, a few dozen rows at most.
 */
@Route("invoices")
public class InvoicesView extends PortalView implements BeforeEnterObserver {

    private final PlatformApi api;
    private final Brands brands;

    InvoicesView(PlatformApi api, Brands brands) {
        this.api = api;
        this.brands = brands;
        setId("invoices");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PortalSession session = Sessions.require(CurrentHost.get());
        var brand = brands.current();
        List<Invoice> invoices = api.get("/internal/portal/invoices")
                .session(session)
                .as(new ParameterizedTypeReference<List<Invoice>>() {});
        List<Receipt> receipts = api.get("/internal/portal/payments")
                .session(session)
                .as(new ParameterizedTypeReference<List<Receipt>>() {});

        removeAll();
        var card = new BrandCard(brand);
        card.heading("Invoices and receipts");
        card.add(
                section("Invoices"),
                invoiceList(session, invoices),
                section("Receipts"),
                receiptList(session, receipts));
        card.add(contact(brand));
        var back = Styles.secondaryButton(new Anchor("account", "Back to your account"));
        back.setId("account-link");
        back.setRouterIgnore(true);
        card.add(new Div(back));
        add(card);
        setTitle("Invoices and receipts", brand);
    }

    private Div invoiceList(PortalSession session, List<Invoice> invoices) {
        if (invoices == null || invoices.isEmpty()) {
            return new Div(Styles.small(new Paragraph("No invoices yet.")));
        }
        var list = list("invoice-list");
        for (var invoice : invoices) {
            var pdf = new Anchor(Pdfs.invoice(api, session, invoice), AttachmentType.DOWNLOAD, "PDF");
            pdf.setId("invoice-pdf-" + Formats.idPart(invoice.number()));
            pdf.getElement().setAttribute("aria-label", "Invoice " + invoice.number() + " as PDF");
            var item = row(
                    "Invoice " + invoice.number(),
                    status(invoice),
                    Formats.money(invoice.amount(), invoice.currency()),
                    pdf);
            item.addClassName("invoice");
            item.getElement().setAttribute("data-status", invoice.status().name());
            list.add(item);
        }
        return new Div(list);
    }

    private Div receiptList(PortalSession session, List<Receipt> receipts) {
        if (receipts == null || receipts.isEmpty()) {
            return new Div(Styles.small(new Paragraph("No payments yet.")));
        }
        var list = list("receipt-list");
        for (var receipt : receipts) {
            var pdf = new Anchor(Pdfs.receipt(api, session, receipt), AttachmentType.DOWNLOAD, "PDF");
            pdf.setId("receipt-pdf-" + receipt.id());
            pdf.getElement().setAttribute("aria-label", "Receipt of " + Formats.date(receipt.receivedAt()) + " as PDF");
            int count = receipt.invoiceIds() == null ? 0 : receipt.invoiceIds().size();
            var item = row(
                    "Paid " + Formats.date(receipt.receivedAt()),
                    count == 0 ? "Data top-up" : count == 1 ? "For 1 invoice" : "For " + count + " invoices",
                    Formats.money(receipt.amount(), receipt.currency()),
                    pdf);
            item.addClassName("receipt");
            list.add(item);
        }
        return new Div(list);
    }

    private static String status(Invoice invoice) {
        return switch (invoice.status()) {
            case OPEN -> "Open · due " + Formats.date(invoice.dueDate());
            case PAID -> "Paid " + Formats.date(invoice.paidAt());
            case VOID -> "Cancelled " + Formats.date(invoice.voidedAt());
        };
    }

    private static Div contact(Optional<Brand> brand) {
        String note = brand.map(b -> b.branding().note())
                .filter(n -> n != null && !n.isBlank())
                .orElse(null);
        var text = new Paragraph(
                note != null
                        ? note.strip()
                        : "For questions about a bill, contact "
                                + brand.map(Brand::displayName).orElse("your provider") + ".");
        // Staff write the note in a text area: keep their line breaks.
        text.getStyle().set("margin", "0").set("white-space", "pre-line");
        var contact = new Div(section("Contact"), text);
        contact.setId("contact");
        return contact;
    }

    private static H2 section(String title) {
        var heading = new H2(title);
        heading.getStyle().set("margin", "var(--lumo-space-s) 0 0").set("font-size", "var(--lumo-font-size-l)");
        return heading;
    }

    private static UnorderedList list(String id) {
        var list = new UnorderedList();
        list.setId(id);
        list.getStyle().set("margin", "0").set("padding", "0").set("list-style", "none");
        return list;
    }

    private static ListItem row(String title, String detail, String amount, Anchor pdf) {
        var name = new Span(title);
        name.getStyle().set("font-weight", "600");
        var text = new Div(name, Styles.small(new Span(detail)));
        text.getStyle().set("display", "flex").set("flex-direction", "column").set("flex", "1");
        var money = new Span(amount);
        money.getStyle().set("font-weight", "600").set("white-space", "nowrap");
        Styles.secondaryButton(pdf);
        var item = new ListItem(text, money, pdf);
        item.getStyle()
                .set("display", "flex")
                .set("align-items", "center")
                .set("gap", "var(--lumo-space-s)")
                .set("padding", "var(--lumo-space-xs) 0")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        return item;
    }
}
