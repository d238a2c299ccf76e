package io.reroute.platform.payment;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Subscriber payments in the portal ({@code reroute.payments.*}).
 *
 * @param sandboxEnabled whether the sandbox provider may complete payments without moving money; a
 *     workspace without a provider of its own then pays through it (local stack, demos)
 * @param checkoutTtl how long a started checkout stays open (Stripe takes 30 minutes to 24 hours)
 * @param stripeApiBase Stripe's API, replaced only in tests
 * @param webhookTolerance how old a signed webhook may be (replays older than this are refused)
 */
@ConfigurationProperties("reroute.payments")
public record PaymentsProperties(
        @DefaultValue("false") boolean sandboxEnabled,
        @DefaultValue("1h") Duration checkoutTtl,
        @DefaultValue("https://api.stripe.com") URI stripeApiBase,
        @DefaultValue("5m") Duration webhookTolerance) {}
