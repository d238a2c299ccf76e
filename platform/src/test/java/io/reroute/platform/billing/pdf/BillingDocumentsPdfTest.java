package io.reroute.platform.billing.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.platform.billing.Invoice;
import io.reroute.platform.billing.pdf.PageFlow.Rgb;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class BillingDocumentsPdfTest {

    private static final Letterhead FROM = new Letterhead(
            "Fibra Óptica Norte", "#1f6feb", "Questions? Call 800 123 456\nor write to apoio@fibra-norte.pt");
    private static final BillTo TO = new BillTo("João Conceição", "10042", "joao@example.pt");

    private static InvoiceDocument invoice(Invoice.Status status, Instant paidAt, String description) {
        return new InvoiceDocument(
                "INV-2026-0042",
                new BigDecimal("42.5"),
                "EUR",
                LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-21"),
                status,
                paidAt,
                description);
    }

    @Test
    void paidInvoiceShowsItsNumberAmountDatesStatusAndBothParties() throws IOException {
        byte[] pdf = BillingDocuments.invoice(
                FROM,
                TO,
                invoice(Invoice.Status.PAID, Instant.parse("2026-11-03T14:05:09Z"), "Fibra 500 Mbps, November"));

        System.out.println("plain invoice: " + pdf.length + " bytes");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.length).isLessThan(50 * 1024);
        assertThat(pages(pdf)).isEqualTo(1);
        assertThat(text(pdf))
                .contains("Fibra Óptica Norte", "INVOICE")
                .contains("João Conceição", "Account 10042", "joao@example.pt")
                .contains("INV-2026-0042", "Issued 2026-11-01", "Due 2026-11-21")
                .contains("Status PAID", "Paid 2026-11-03 14:05 UTC")
                .contains("Fibra 500 Mbps, November 42.50 EUR", "Total 42.50 EUR", "Paid in full.")
                .contains("Questions? Call 800 123 456\nor write to apoio@fibra-norte.pt");
    }

    @Test
    void openInvoiceAsksForPaymentByTheDueDateAndVoidOneSaysNothingIsDue() throws IOException {
        String open = text(BillingDocuments.invoice(FROM, TO, invoice(Invoice.Status.OPEN, null, null)));
        assertThat(open)
                .contains("Status OPEN", "Invoice INV-2026-0042 42.50 EUR", "Please pay 42.50 EUR by 2026-11-21.")
                .doesNotContain("Paid");

        String voided = text(BillingDocuments.invoice(FROM, TO, invoice(Invoice.Status.VOID, null, null)));
        assertThat(voided).contains("Status VOID", "nothing is due");
    }

    @Test
    void accentedAndOtherEuropeanLettersComeOutAsWritten() throws IOException {
        var from = new Letterhead("Telecomunicações São João, Łódź Światłowód", null, null);
        var to = new BillTo("Zoë Müller-Ødegård, Ștefan Țurcanu, Ελένη, Дмитрий", "ÀÉÎ-7", null);

        String text = text(BillingDocuments.invoice(from, to, invoice(Invoice.Status.OPEN, null, "Top-up 10 GB")));

        // Both names are too long for one line: compare them unwrapped.
        assertThat(text.replaceAll("\\s+", " "))
                .contains("Telecomunicações São João, Łódź Światłowód")
                .contains("Zoë Müller-Ødegård, Ștefan Țurcanu, Ελένη, Дмитрий")
                .contains("Account ÀÉÎ-7");
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarksAndInvisibleOnesAreDropped() throws IOException {
        var to = new BillTo("Zé 🚀 中文\u200b\u0007Silva", "1", null);

        String text = text(BillingDocuments.invoice(FROM, to, invoice(Invoice.Status.OPEN, null, "Plan\tbásico 👍🏽")));

        assertThat(text).contains("Zé ? ??Silva", "Plan básico ??");
    }

    @Test
    void decomposedAccentsAreComposed() throws IOException {
        var to = new BillTo("Joa\u0303o", "1", null);

        assertThat(text(BillingDocuments.invoice(FROM, to, invoice(Invoice.Status.OPEN, null, null))))
                .contains("João");
    }

    @Test
    void longTextsWrapWithinThePage() throws IOException {
        String description = "Fibra 1 Gbps with static IPv4 and IPv6 prefix, ".repeat(8) + "x".repeat(150);

        byte[] pdf = BillingDocuments.invoice(FROM, TO, invoice(Invoice.Status.OPEN, null, description));

        assertThat(pages(pdf)).isEqualTo(1);
        String text = text(pdf);
        assertThat(text.replaceAll("\\s+", "")).contains(description.replaceAll("\\s+", ""));
        assertThat(text.lines().mapToInt(String::length).max().orElseThrow()).isLessThan(120);
    }

    @Test
    void receiptListsItsLinesTheTotalAndThePayment() throws IOException {
        var receipt = new ReceiptDocument(
                "0b7c2f0e-4a53-4e0b-9d55-0d7c2b3f9a01",
                new BigDecimal("60.00"),
                "EUR",
                Instant.parse("2026-11-21T23:59:59Z"),
                "stripe",
                "pi_3QxYz2LkdIwHu7ix0a1b2c3d",
                List.of(
                        new ReceiptLine("Invoice INV-2026-0040", new BigDecimal("25")),
                        new ReceiptLine("Invoice INV-2026-0041", new BigDecimal("25.00")),
                        new ReceiptLine("Top-up 10 GB", new BigDecimal("10.001"))));

        byte[] pdf = BillingDocuments.receipt(FROM, TO, receipt);

        System.out.println("receipt with 3 lines: " + pdf.length + " bytes");
        assertThat(pdf.length).isLessThan(50 * 1024);
        assertThat(text(pdf))
                .contains("Fibra Óptica Norte", "RECEIPT", "RECEIVED FROM", "João Conceição", "Account 10042")
                .contains("Receipt 0b7c2f0e-4a53-4e0b-9d55-0d7c2b3f9a01", "Received 2026-11-21 23:59 UTC")
                .contains("Paid with stripe", "Provider reference pi_3QxYz2LkdIwHu7ix0a1b2c3d")
                .contains("Invoice INV-2026-0040 25.00 EUR\nInvoice INV-2026-0041 25.00 EUR\nTop-up 10 GB 10.00 EUR")
                .contains("Total paid 60.00 EUR");
    }

    @Test
    void receiptWithMoreLinesThanAPageHoldsGoesOnOverNumberedPages() throws IOException {
        List<ReceiptLine> lines = IntStream.rangeClosed(1, 120)
                .mapToObj(i -> new ReceiptLine("Invoice INV-%04d".formatted(i), BigDecimal.ONE))
                .toList();
        var receipt = new ReceiptDocument(
                "r-1", new BigDecimal("120"), "USD", Instant.parse("2026-11-21T10:00:00Z"), "cash", "desk", lines);

        byte[] pdf = BillingDocuments.receipt(FROM, TO, receipt);

        System.out.println("receipt with 120 lines: " + pdf.length + " bytes");
        int pages = pages(pdf);
        assertThat(pages).isGreaterThan(1);
        String text = text(pdf);
        assertThat(text)
                .contains("Invoice INV-0001 1.00 USD", "Invoice INV-0120 1.00 USD", "Total paid 120.00 USD")
                .contains("Receipt r-1 Page 1 of " + pages, "Page " + pages + " of " + pages);
        assertThat(text.split("DESCRIPTION AMOUNT", -1)).hasSize(pages + 1);
    }

    @Test
    void brandColoursAreValidatedAndTooPaleOnesFallBackToNeutral() {
        assertThat(Rgb.brand("#1F6FEB")).isEqualTo(new Rgb(0x1f / 255f, 0x6f / 255f, 0xeb / 255f));
        assertThat(Rgb.brand("#0b3d91")).isNotEqualTo(Rgb.NEUTRAL);
        for (String bad :
                new String[] {null, "", "red", "#fff", "#1f6feb80", "1f6feb", "#ggggggg", "#ffffff", "#ffeb3b"}) {
            assertThat(Rgb.brand(bad)).as(bad).isEqualTo(Rgb.NEUTRAL);
        }
    }

    @Test
    void aBadColourStillRenders() throws IOException {
        var from = new Letterhead("Net Rápida", "not-a-colour", "  ");

        assertThat(text(BillingDocuments.invoice(from, TO, invoice(Invoice.Status.OPEN, null, null))))
                .contains("Net Rápida");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }
}
