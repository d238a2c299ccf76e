package io.reroute.portalui.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The signed-in subscriber's account as the platform shows it to them.
 *
 * @param paymentProvider {@code SANDBOX} or {@code STRIPE}; null when the workspace takes no online
 *     payments
 */
public record Account(
        String name,
        String accountNumber,
        String email,
        SubscriberState state,
        Instant stateSince,
        long stateVersion,
        List<Bill> openInvoices,
        BigDecimal totalDue,
        String currency,
        Usage usage,
        List<Offer> topUps,
        String paymentProvider) {

    public Account {
        openInvoices = openInvoices == null ? List.of() : List.copyOf(openInvoices);
        topUps = topUps == null ? List.of() : List.copyOf(topUps);
        totalDue = totalDue == null ? BigDecimal.ZERO : totalDue;
    }

    /** An open invoice; {@code overdue} once past its due date. */
    public record Bill(
            UUID id, String number, BigDecimal amount, String currency, LocalDate dueDate, boolean overdue) {}

    /**
     * This cycle's data; the sizes are null on an unlimited plan.
     *
     * @param capAction what happens at the cap ({@code BLOCK}, {@code THROTTLE}, ...)
     */
    public record Usage(
            Long allowanceBytes,
            long usedBytes,
            Long remainingBytes,
            Integer percentUsed,
            Instant resetsAt,
            String capAction) {

        public boolean limited() {
            return allowanceBytes != null;
        }
    }

    /** A top-up on sale: extra data for a price, valid for some days (null: until used). */
    public record Offer(UUID id, String name, long bytes, BigDecimal price, String currency, Integer validityDays) {}

    public long overdueInvoices() {
        return openInvoices.stream().filter(Bill::overdue).count();
    }

    public boolean hasSomethingToPay() {
        return totalDue.signum() > 0;
    }

    public boolean paysOnline() {
        return paymentProvider != null;
    }
}
