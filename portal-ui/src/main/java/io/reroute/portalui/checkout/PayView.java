package io.reroute.portalui.checkout;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.reroute.portalui.host.Brand;
import io.reroute.portalui.host.Brands;
import io.reroute.portalui.host.CurrentHost;
import io.reroute.portalui.platform.ApiProblem;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.platform.PlatformUnavailableException;
import io.reroute.portalui.session.PortalSession;
import io.reroute.portalui.session.Sessions;
import io.reroute.portalui.ui.BrandCard;
import io.reroute.portalui.ui.Formats;
import io.reroute.portalui.ui.PortalView;
import io.reroute.portalui.ui.Styles;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the landing page's Pay button (and each top-up's Buy button) leads: starts the checkout at
 * the platform and sends the browser to pay, at the provider (Stripe) or on this portal's sandbox
 * page. A route rather than a click handler, because the landing page renders the button as a link
 * (the same component the admin UI previews) and a link also works opened afresh; starting twice is
 * harmless, since the platform hands back the checkout already open for the same thing.
 */
@Route("pay/:productId?")
public class PayView extends PortalView implements BeforeEnterObserver {

    static final String PROVIDER_UNAVAILABLE =
            "The payment provider is unavailable right now. Please try again in a moment.";

    private final PlatformApi api;
    private final Brands brands;

    PayView(PlatformApi api, Brands brands) {
        this.api = api;
        this.brands = brands;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PortalSession session = Sessions.require(CurrentHost.get());
        var brand = brands.current();
        setTitle("Pay", brand);
        removeAll();

        Map<String, Object> request;
        Optional<String> product = event.getRouteParameters().get("productId");
        if (product.isPresent()) {
            UUID offer;
            try {
                offer = UUID.fromString(product.get());
            } catch (IllegalArgumentException e) {
                problem(brand, "This offer is no longer available.");
                return;
            }
            request = Map.of("purpose", "TOP_UP", "productId", offer);
        } else {
            request = Map.of("purpose", "PAY");
        }

        Checkout checkout;
        try {
            checkout = api.post("/internal/portal/checkouts")
                    .session(session)
                    .body(request)
                    .as(Checkout.class);
        } catch (ApiProblem problem) {
            // 409: nothing to pay, or no online payments; the platform's detail says which.
            problem(brand, problem.status() >= 500 ? PROVIDER_UNAVAILABLE : Formats.sentence(problem.getMessage()));
            return;
        } catch (PlatformUnavailableException unavailable) {
            problem(brand, PROVIDER_UNAVAILABLE);
            return;
        }

        var target = RedirectTarget.of(checkout.redirectUrl(), session.host());
        if (target.isEmpty()) {
            problem(brand, PROVIDER_UNAVAILABLE);
        } else if (target.get().internal()) {
            String[] pathAndQuery = target.get().path().split("\\?", 2);
            event.forwardTo(
                    pathAndQuery[0],
                    pathAndQuery.length > 1 ? QueryParameters.fromString(pathAndQuery[1]) : QueryParameters.empty());
        } else {
            leaving(brand, target.get().url());
            event.getUI().getPage().setLocation(target.get().url());
        }
    }

    private void problem(Optional<Brand> brand, String message) {
        var card = new BrandCard(brand);
        card.setId("pay-problem");
        card.heading("The payment could not start");
        var detail = new Paragraph(message);
        detail.setId("pay-problem-detail");
        card.add(detail);
        var back = Styles.secondaryButton(new Anchor("account", "Back to your account"));
        back.setId("back-to-account");
        card.add(back);
        add(card);
    }

    /** Shown for the moment before the provider's page opens, with a way there should it not. */
    private void leaving(Optional<Brand> brand, String url) {
        var card = new BrandCard(brand);
        card.setId("pay-leaving");
        card.heading("Taking you to the payment page…");
        card.add(new Paragraph("You pay on your provider's secure payment page, then come back here."));
        var go = Styles.primaryButton(new Anchor(url, "Continue to payment"), brand);
        go.setRouterIgnore(true);
        go.setId("pay-redirect");
        card.add(go);
        add(card);
    }
}
