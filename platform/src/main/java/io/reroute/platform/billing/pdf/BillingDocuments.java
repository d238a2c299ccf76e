package io.reroute.platform.billing.pdf;

import static io.reroute.platform.billing.pdf.PageFlow.LEFT;
import static io.reroute.platform.billing.pdf.PageFlow.RIGHT;

import io.reroute.platform.billing.Invoice;
import io.reroute.platform.billing.pdf.PageFlow.Rgb;
import io.reroute.platform.billing.pdf.PageFlow.Style;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Invoices and payment receipts as A4 PDFs for subscribers to download. Rendering fetches nothing
 * (the letterhead is the workspace's name in its primary colour, not its logo; the font comes from
 * PDFBox's jar, read once) and takes about 10 ms of CPU: blocking work, to run off the event loop.
 * Long texts wrap. A receipt with more lines than a page holds goes on over numbered pages, its
 * table header repeated, rather than leaving out what was paid for.
 */
public final class BillingDocuments {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static final Style KIND = new Style(12, Rgb.MUTED, true);
    private static final Style HEADING = new Style(8, Rgb.MUTED, false);
    private static final Style LABEL = new Style(10, Rgb.MUTED, false);
    private static final Style BODY = new Style(10, Rgb.TEXT, false);
    private static final Style STRONG = new Style(12, Rgb.TEXT, true);
    private static final Style NOTE = new Style(9, Rgb.MUTED, false);

    /** Where the right-hand column starts: the document's details, the total's label. */
    private static final float MIDDLE = 300;

    private static final float AMOUNT_WIDTH = 120;
    private static final float ROW_PADDING = 6;

    private BillingDocuments() {}

    /** An invoice as an A4 PDF: one page unless its texts are unusually long. */
    public static byte[] invoice(Letterhead from, BillTo to, InvoiceDocument invoice) {
        return render(from, "Invoice " + invoice.number(), flow -> {
            letterhead(flow, from, "INVOICE");
            List<Field> details = new ArrayList<>(List.of(
                    new Field("Invoice number", invoice.number()),
                    new Field("Issued", invoice.issuedOn().toString()),
                    new Field("Due", invoice.dueDate().toString()),
                    new Field("Status", invoice.status().name())));
            if (invoice.status() == Invoice.Status.PAID && invoice.paidAt() != null) {
                details.add(new Field("Paid", UTC.format(invoice.paidAt())));
            }
            parties(flow, "BILL TO", to, details);
            String description = invoice.description() != null ? invoice.description() : "Invoice " + invoice.number();
            table(
                    flow,
                    List.of(new ReceiptLine(description, invoice.amount())),
                    invoice.currency(),
                    "Total",
                    invoice.amount());
            paragraph(
                    flow,
                    switch (invoice.status()) {
                        case OPEN ->
                            "Please pay " + money(invoice.amount(), invoice.currency()) + " by " + invoice.dueDate()
                                    + ".";
                        case PAID -> "Paid in full. Thank you.";
                        case VOID -> "This invoice has been voided: nothing is due.";
                    },
                    BODY);
            supportNote(flow, from);
        });
    }

    /** A receipt for a payment of one or more invoices, or of a top-up. */
    public static byte[] receipt(Letterhead from, BillTo to, ReceiptDocument receipt) {
        return render(from, "Receipt " + receipt.reference(), flow -> {
            letterhead(flow, from, "RECEIPT");
            parties(
                    flow,
                    "RECEIVED FROM",
                    to,
                    List.of(
                            new Field("Receipt", receipt.reference()),
                            new Field("Received", UTC.format(receipt.receivedAt())),
                            new Field("Paid with", receipt.provider()),
                            new Field("Provider reference", receipt.providerReference())));
            table(flow, receipt.lines(), receipt.currency(), "Total paid", receipt.amount());
            supportNote(flow, from);
        });
    }

    /** The amount with two decimals and the ISO currency code, like "42.50 EUR". */
    private static String money(BigDecimal amount, String currency) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + currency;
    }

    private interface Layout {
        void draw(PageFlow flow) throws IOException;
    }

    private record Field(String label, String value) {}

    private static byte[] render(Letterhead from, String title, Layout layout) {
        try (var flow = new PageFlow()) {
            layout.draw(flow);
            return flow.finish(title, from.displayName());
        } catch (IOException e) {
            // Everything happens in memory: an IOException here is a bug, not an outage.
            throw new UncheckedIOException(e);
        }
    }

    /** The workspace's name in its colour, the kind of document beside it, a rule underneath. */
    private static void letterhead(PageFlow flow, Letterhead from, String kind) throws IOException {
        Style name = new Style(22, Rgb.brand(from.primaryColor()), true);
        float top = flow.y();
        float kindWidth = flow.width(kind, KIND);
        flow.lines(List.of(kind), RIGHT, top - (name.ascent() - KIND.ascent()), KIND, true);
        float bottom =
                flow.lines(flow.wrap(from.displayName(), name, RIGHT - LEFT - kindWidth - 24), LEFT, top, name, false);
        flow.moveTo(bottom - 4);
        flow.rule(LEFT, RIGHT, flow.y(), 2, name.color());
        flow.down(30);
    }

    /** The subscriber on the left, the document's details on the right. */
    private static void parties(PageFlow flow, String heading, BillTo to, List<Field> details) throws IOException {
        float top = flow.y();
        float width = MIDDLE - LEFT - 20;
        float left = flow.lines(List.of(heading), LEFT, top, HEADING, false);
        left = flow.lines(flow.wrap(to.name(), STRONG, width), LEFT, left, STRONG, false);
        left = flow.lines(flow.wrap("Account " + to.accountNumber(), BODY, width), LEFT, left, BODY, false);
        left = flow.lines(flow.wrap(to.email(), BODY, width), LEFT, left, BODY, false);
        float right = top;
        for (Field field : details) {
            float valueWidth = RIGHT - MIDDLE - flow.width(field.label(), LABEL) - 12;
            flow.lines(List.of(field.label()), MIDDLE, right, LABEL, false);
            right = flow.lines(flow.wrap(field.value(), BODY, valueWidth), RIGHT, right, BODY, true) - 2;
        }
        flow.moveTo(Math.min(left, right) - 30);
    }

    /** Descriptions and amounts, then the total; rows that do not fit go on the next page. */
    private static void table(
            PageFlow flow, List<ReceiptLine> lines, String currency, String totalLabel, BigDecimal total)
            throws IOException {
        flow.ensureRoom(HEADING.lineHeight() + BODY.lineHeight() + 4 * ROW_PADDING);
        tableHeader(flow);
        for (ReceiptLine line : lines) {
            List<String> description = flow.wrap(line.description(), BODY, RIGHT - LEFT - AMOUNT_WIDTH);
            float height = description.size() * BODY.lineHeight() + 2 * ROW_PADDING;
            if (flow.ensureRoom(height)) {
                tableHeader(flow);
            }
            float top = flow.y() - ROW_PADDING;
            flow.lines(description, LEFT, top, BODY, false);
            flow.lines(List.of(money(line.amount(), currency)), RIGHT, top, BODY, true);
            flow.down(height);
            flow.rule(LEFT, RIGHT, flow.y(), 0.5f, Rgb.LINE);
        }
        flow.ensureRoom(STRONG.lineHeight() + 3 * ROW_PADDING);
        float top = flow.y() - 2 * ROW_PADDING;
        flow.lines(List.of(totalLabel), MIDDLE, top, STRONG, false);
        flow.lines(List.of(money(total, currency)), RIGHT, top, STRONG, true);
        flow.moveTo(top - STRONG.lineHeight() - 2 * ROW_PADDING);
    }

    private static void tableHeader(PageFlow flow) throws IOException {
        float top = flow.y();
        flow.lines(List.of("DESCRIPTION"), LEFT, top, HEADING, false);
        flow.lines(List.of("AMOUNT"), RIGHT, top, HEADING, true);
        flow.down(HEADING.lineHeight() + 2);
        flow.rule(LEFT, RIGHT, flow.y(), 0.75f, Rgb.MUTED);
    }

    private static void paragraph(PageFlow flow, String text, Style style) throws IOException {
        for (String line : flow.wrap(text, style, RIGHT - LEFT)) {
            flow.ensureRoom(style.lineHeight());
            flow.lines(List.of(line), LEFT, flow.y(), style, false);
            flow.down(style.lineHeight());
        }
    }

    private static void supportNote(PageFlow flow, Letterhead from) throws IOException {
        if (from.supportNote() == null || from.supportNote().isBlank()) {
            return;
        }
        flow.down(24);
        paragraph(flow, from.supportNote().strip(), NOTE);
    }
}
