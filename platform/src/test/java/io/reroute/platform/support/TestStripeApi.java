package io.reroute.platform.support;

import io.reroute.platform.payment.stripe.FakeStripeApi;

/** One stand-in Stripe API for the test JVM; tests keep apart by using secret keys of their own. */
public final class TestStripeApi {

    private static FakeStripeApi api;

    private TestStripeApi() {}

    public static synchronized FakeStripeApi get() {
        if (api == null) {
            api = FakeStripeApi.start();
        }
        return api;
    }
}
