package io.reroute.platform.billing.pdf;

import java.util.Objects;

/** The subscriber a billing document is for. {@code email} may be null. */
public record BillTo(String name, String accountNumber, String email) {

    public BillTo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accountNumber, "accountNumber");
    }
}
