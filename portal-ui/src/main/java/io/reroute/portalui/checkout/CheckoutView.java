package io.reroute.portalui.checkout;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.reroute.portalui.account.AccountState;
import io.reroute.portalui.host.Brand;
import io.reroute.portalui.host.Brands;
import io.reroute.portalui.host.CurrentHost;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.session.PortalSession;
import io.reroute.portalui.session.Sessions;
import io.reroute.portalui.ui.BrandCard;
import io.reroute.portalui.ui.Formats;
import io.reroute.portalui.ui.PortalView;
import io.reroute.portalui.ui.RestoredBanner;
import io.reroute.portalui.ui.Styles;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a payment returns to (Stripe's success URL, the sandbox): "restoring your service" while the
 * network still restricts the subscriber, then "Service restored" the moment the platform says so.
 * It asks for the checkout and the state every second until nothing more will change.
 */
@Route("checkout/:id")
public class CheckoutView extends PortalView implements BeforeEnterObserver, AfterNavigationObserver {

    static final int POLL_MILLIS = 1_000;

    private final PlatformApi api;
    private final Brands brands;
    private PortalSession session;
    private Optional<Brand> brand = Optional.empty();
    private UUID id;
    private boolean settled;
    private Registration watching;

    CheckoutView(PlatformApi api, Brands brands) {
        this.api = api;
        this.brands = brands;
    }

    static UUID checkoutId(BeforeEnterEvent event) {
        try {
            return UUID.fromString(event.getRouteParameters().get("id").orElse(""));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no such checkout");
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        session = Sessions.require(CurrentHost.get());
        brand = brands.current();
        id = checkoutId(event);
        refresh();
        setTitle("Payment", brand);
    }

    /** After navigation, not on attach: the page navigated away from stops its polling on detach. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (!settled && watching == null) {
            UI ui = event.getLocationChangeEvent().getUI();
            ui.setPollInterval(POLL_MILLIS);
            watching = ui.addPollListener(poll -> refresh());
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopWatching(event.getUI());
    }

    private void refresh() {
        Checkout checkout =
                api.get("/internal/portal/checkouts/{id}", id).session(session).as(Checkout.class);
        AccountState state =
                api.get("/internal/portal/account/state").session(session).as(AccountState.class);
        var progress = CheckoutProgress.of(checkout.status(), state.state());
        render(checkout, state, progress);
        settled = progress.settled(checkout.status());
        if (settled) {
            getUI().ifPresent(this::stopWatching);
        }
    }

    private void stopWatching(UI ui) {
        if (watching != null) {
            watching.remove();
            watching = null;
        }
        ui.setPollInterval(-1);
    }

    private void render(Checkout checkout, AccountState state, CheckoutProgress progress) {
        removeAll();
        if (progress == CheckoutProgress.RESTORED) {
            add(new RestoredBanner("Your internet access is working. Reload the pages you were trying to open."));
        }
        var card = new BrandCard(brand);
        card.setId("checkout-status");
        card.getElement().setAttribute("data-status", checkout.status().name());
        card.getElement().setAttribute("data-progress", progress.name());
        card.getElement().setAttribute("data-state", state.state().name());
        card.getElement().setAttribute("aria-live", "polite");
        String amount = Formats.money(checkout.amount(), checkout.currency());
        switch (progress) {
            case RESTORING -> {
                card.heading("Payment received, restoring your service…");
                card.add(new Paragraph("This usually takes a few seconds. Keep this page open; it updates by itself."));
            }
            case RESTORED -> {
                card.heading("Thank you");
                card.add(new Paragraph(
                        checkout.status() == Checkout.Status.COMPLETED
                                ? "Your payment of " + amount + " was received."
                                : "Your payment of " + amount + " is being confirmed by the payment provider."));
            }
            case PAUSED_BY_PROVIDER -> {
                card.heading("Payment received");
                card.add(new Paragraph("Your payment of " + amount + " was received. Your provider has paused your"
                        + " service; please contact them."));
            }
            case EXPIRED -> {
                card.heading("This payment expired");
                card.add(new Paragraph("It was not completed in time. Please start again from your account."));
            }
            case FAILED -> {
                card.heading("The payment did not go through");
                card.add(new Paragraph(
                        "The payment provider could not complete it. Please try again from your" + " account."));
            }
        }
        var back = new Anchor(
                "account",
                progress == CheckoutProgress.EXPIRED || progress == CheckoutProgress.FAILED
                        ? "Back to your account to try again"
                        : "Back to your account");
        back.setId("back-to-account");
        // The account is a server-rendered page: the browser loads it, not Vaadin's router.
        back.setRouterIgnore(true);
        if (progress == CheckoutProgress.EXPIRED || progress == CheckoutProgress.FAILED) {
            Styles.primaryButton(back, brand);
        } else {
            Styles.secondaryButton(back);
        }
        card.add(back);
        brand.map(b -> b.branding().note())
                .filter(note -> !note.isBlank())
                .ifPresent(note -> card.add(Styles.small(new Paragraph(note.strip()))));
        add(card);
    }
}
