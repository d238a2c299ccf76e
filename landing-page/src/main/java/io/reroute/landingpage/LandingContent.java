package io.reroute.landingpage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a restricted subscriber's landing page shows: the workspace's branding and what this
 * subscriber should know and do. Optional parts are null (or empty) when there is nothing to show.
 *
 * @param statusLine why the subscriber is here, such as "Your internet access is paused: 2 invoices
 *     are overdue."
 * @param amountDue what to pay now, in {@code currency}
 * @param invoices the open invoices that make up the amount
 * @param payUrl where the pay button leads; null renders the button without a target (a preview)
 */
public record LandingContent(
        Branding branding,
        String statusLine,
        BigDecimal amountDue,
        String currency,
        List<Invoice> invoices,
        String payUrl) {

    public LandingContent {
        if (branding == null) {
            throw new IllegalArgumentException("a landing page needs the workspace's branding");
        }
        invoices = invoices == null ? List.of() : List.copyOf(invoices);
    }

    /**
     * How the workspace's page looks, as in its settings.
     *
     * @param logoUrl an https:// image; anything else shows no logo
     * @param primaryColor {@code #rrggbb}: the header band and the pay button
     * @param accentColor {@code #rrggbb}: the title and the amount
     * @param note a line under the button, such as support hours or a phone number
     */
    public record Branding(
            String logoUrl,
            String primaryColor,
            String accentColor,
            String title,
            String message,
            String buttonLabel,
            String note) {}

    /** One open invoice as the subscriber sees it. */
    public record Invoice(String number, LocalDate dueDate, BigDecimal amount) {}
}
