package io.reroute.portalui.account;

import io.reroute.portalui.ui.Formats;
import java.time.Instant;

/** Why the subscriber is here, in plain words. */
public final class StatusLine {

    private StatusLine() {}

    public static String of(SubscriberState state, long overdueInvoices) {
        return switch (state) {
            case BLOCKED ->
                overdueInvoices == 1
                        ? "Your internet access is paused because 1 invoice is overdue."
                        : overdueInvoices > 1
                                ? "Your internet access is paused because " + overdueInvoices + " invoices are overdue."
                                : "Your internet access is paused because of an overdue balance.";
            case CAPPED -> "You have used all the data of your plan for this period.";
            case SUSPENDED -> "Your provider has paused your service. Please contact them.";
            case WARNED -> "You have an overdue invoice; pay now to avoid an interruption.";
            case ACTIVE -> "Your service is active.";
        };
    }

    public static String since(Instant since) {
        return since == null ? "" : "Since " + Formats.time(since);
    }
}
