package io.reroute.platform.billing.internal;

import io.reroute.platform.web.InvalidRequestException;
import java.util.Currency;
import reactor.core.publisher.Mono;

/** Amounts are in the workspace's currency: overdue balances are only summed in one. */
final class Money {

    private Money() {}

    /** The workspace currency, or an error naming {@code field} when {@code requested} is not it. */
    static Mono<String> requireWorkspaceCurrency(
            BillingRepository billing,
            io.reroute.platform.tenancy.WorkspaceId workspace,
            String field,
            String requested) {
        try {
            Currency.getInstance(requested);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Mono.error(
                    new InvalidRequestException(field, "'" + requested + "' is not an ISO 4217 currency code"));
        }
        return billing.workspaceCurrency(workspace)
                .flatMap(currency -> currency.equals(requested)
                        ? Mono.just(currency)
                        : Mono.error(new InvalidRequestException(field, "this workspace bills in " + currency)));
    }
}
