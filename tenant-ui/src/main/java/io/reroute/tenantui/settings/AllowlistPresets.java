package io.reroute.tenantui.settings;

import java.util.List;

/**
 * What a payment provider's checkout needs reachable while a subscriber is restricted, so they can
 * pay from the landing page. Exact host names go into the routers' allow list by address; the
 * wildcards also let TLS through by server name for hosts the provider adds later. Lists follow
 * the providers' published content-security-policy guidance (Stripe: "Content Security Policy" in
 * Stripe's docs; PayPal: the JavaScript SDK's CSP guide) as of 2026; add anything else a provider's
 * page turns out to load (a CAPTCHA, a bank's 3-D Secure page) as a custom entry.
 */
public final class AllowlistPresets {

    /** A provider and the entries it needs. */
    public record Preset(String id, String label, List<String> values) {}

    public static final Preset STRIPE = new Preset(
            "stripe",
            "Stripe",
            List.of(
                    "checkout.stripe.com",
                    "js.stripe.com",
                    "api.stripe.com",
                    "hooks.stripe.com",
                    "m.stripe.com",
                    "m.stripe.network",
                    "b.stripecdn.com",
                    "*.stripe.com",
                    "*.stripe.network",
                    "*.stripecdn.com"));

    public static final Preset PAYPAL = new Preset(
            "paypal",
            "PayPal",
            List.of(
                    "www.paypal.com",
                    "www.sandbox.paypal.com",
                    "www.paypalobjects.com",
                    "*.paypal.com",
                    "*.paypalobjects.com"));

    public static final List<Preset> ALL = List.of(STRIPE, PAYPAL);

    private AllowlistPresets() {}
}
