package io.reroute.portalui.checkout;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
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
import io.reroute.portalui.ui.ServerPage;
import io.reroute.portalui.ui.Styles;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where the landing page's Pay button (and each top-up's Buy button) leads: starts the checkout at
 * the platform and redirects the browser to pay, at the provider (Stripe) or on this portal's
 * sandbox page, so a subscriber on a captive network reaches the payment page without loading the
 * portal's Vaadin client first. A link rather than a form, because the landing page renders the
 * button as one (the same component the admin UI previews); starting twice is harmless, since the
 * platform hands back the checkout already open for the same thing.
 */
@Controller
class PayController {

    static final String PROVIDER_UNAVAILABLE =
            "The payment provider is unavailable right now. Please try again in a moment.";

    private final PlatformApi api;
    private final Brands brands;

    PayController(PlatformApi api, Brands brands) {
        this.api = api;
        this.brands = brands;
    }

    @GetMapping("/pay")
    ResponseEntity<String> payInvoices(HttpServletRequest request) {
        return start(request, Map.of("purpose", "PAY"));
    }

    @GetMapping("/pay/{productId}")
    ResponseEntity<String> buyTopUp(@PathVariable String productId, HttpServletRequest request) {
        UUID offer;
        try {
            offer = UUID.fromString(productId);
        } catch (IllegalArgumentException e) {
            return problem(request, HttpStatus.NOT_FOUND, "This offer is no longer available.");
        }
        return start(request, Map.of("purpose", "TOP_UP", "productId", offer));
    }

    private ResponseEntity<String> start(HttpServletRequest request, Map<String, Object> purchase) {
        PortalSession session = Sessions.require(request);
        Checkout checkout;
        try {
            checkout = api.post("/internal/portal/checkouts")
                    .session(session)
                    .body(purchase)
                    .as(Checkout.class);
        } catch (ApiProblem problem) {
            // 409: nothing to pay, or no online payments; the platform's detail says which.
            return problem.status() >= 500
                    ? problem(request, HttpStatus.BAD_GATEWAY, PROVIDER_UNAVAILABLE)
                    : problem(
                            request, HttpStatusCode.valueOf(problem.status()), Formats.sentence(problem.getMessage()));
        } catch (PlatformUnavailableException unavailable) {
            return problem(request, HttpStatus.SERVICE_UNAVAILABLE, PROVIDER_UNAVAILABLE);
        }
        return RedirectTarget.of(checkout.redirectUrl(), session.host())
                .map(target -> ServerPage.<String>seeOther(target.internal() ? "/" + target.path() : target.url()))
                .orElseGet(() -> problem(request, HttpStatus.BAD_GATEWAY, PROVIDER_UNAVAILABLE));
    }

    private ResponseEntity<String> problem(HttpServletRequest request, HttpStatusCode status, String message) {
        Optional<Brand> brand = CurrentHost.of(request).flatMap(brands::of);
        var card = new BrandCard(brand);
        card.setId("pay-problem");
        card.heading("The payment could not start");
        var detail = new Paragraph(message);
        detail.setId("pay-problem-detail");
        card.add(detail);
        var back = Styles.secondaryButton(new Anchor("account", "Back to your account"));
        back.setId("back-to-account");
        card.add(back);
        return ServerPage.response(status, ServerPage.html(PortalView.title("Pay", brand), "pay", List.of(card), null));
    }
}
