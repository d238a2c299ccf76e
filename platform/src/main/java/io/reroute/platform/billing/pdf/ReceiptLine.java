package io.reroute.platform.billing.pdf;

import java.math.BigDecimal;
import java.util.Objects;

/** One thing a payment paid for, such as an invoice or a top-up. */
public record ReceiptLine(String description, BigDecimal amount) {

    public ReceiptLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(amount, "amount");
    }
}
