package io.reroute.portalui.checkout;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.reroute.portalui.host.Brand;
import io.reroute.portalui.host.Brands;
import io.reroute.portalui.host.CurrentHost;
import io.reroute.portalui.platform.ApiProblem;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.session.PortalSession;
import io.reroute.portalui.session.Sessions;
import io.reroute.portalui.ui.BrandCard;
import io.reroute.portalui.ui.Formats;
import io.reroute.portalui.ui.PortalView;
import io.reroute.portalui.ui.Styles;
import java.util.Optional;
import java.util.UUID;

/**
 * The sandbox provider's payment page (local stack, demos): clearly marked as a test, it completes
 * the checkout without moving money, then shows the same page a real payment returns to.
 */
@Route("checkout/:id/sandbox")
public class SandboxCheckoutView extends PortalView implements BeforeEnterObserver {

    private final PlatformApi api;
    private final Brands brands;
    private PortalSession session;
    private Checkout checkout;

    SandboxCheckoutView(PlatformApi api, Brands brands) {
        this.api = api;
        this.brands = brands;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        session = Sessions.require(CurrentHost.get());
        UUID id = CheckoutView.checkoutId(event);
        checkout =
                api.get("/internal/portal/checkouts/{id}", id).session(session).as(Checkout.class);
        if (!checkout.sandbox() || checkout.status() != Checkout.Status.OPEN) {
            // Paid, over, or a real provider's: the status page says which.
            event.forwardTo(CheckoutView.class, new RouteParameters("id", id.toString()));
            return;
        }
        var brand = brands.current();
        render(brand);
        setTitle("Sandbox payment", brand);
    }

    private void render(Optional<Brand> brand) {
        removeAll();
        var card = new BrandCard(brand);
        card.setId("sandbox-checkout");
        card.getElement().setAttribute("data-status", checkout.status().name());

        var label = new Span("SANDBOX · TEST PAYMENT");
        label.setId("sandbox-label");
        label.getStyle()
                .set("align-self", "flex-start")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-s)")
                .set("background", "#ffd43b")
                .set("color", "#1a1a1a")
                .set("font-weight", "700")
                .set("letter-spacing", "0.05em");
        card.add(label);
        card.heading("Test payment");
        card.add(new Paragraph("This provider's payments run in a sandbox: no card is asked for and no money moves."
                + " Paying here marks the payment as received, as a real payment would."));

        var amount = new Paragraph(("TOP_UP".equals(checkout.purpose()) ? "Data top-up: " : "Open invoices: ")
                + Formats.money(checkout.amount(), checkout.currency()));
        amount.setId("sandbox-amount");
        amount.getStyle()
                .set("margin", "0")
                .set("font-size", "var(--lumo-font-size-xl)")
                .set("font-weight", "700");
        card.add(amount);

        var error = Styles.error(new Paragraph());
        error.setId("sandbox-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);

        var pay = Styles.primaryButton(new NativeButton("Pay (sandbox, no money moves)"), brand);
        pay.setId("sandbox-pay");
        pay.addClickListener(click -> pay(pay, error));

        var cancel = Styles.secondaryButton(new Anchor("account", "Cancel"));
        cancel.setId("sandbox-cancel");
        cancel.setRouterIgnore(true);
        card.add(error, pay, new Div(cancel));
        add(card);
    }

    private void pay(NativeButton pay, Paragraph error) {
        // Disabled at once, so a second tap while this runs does nothing.
        pay.setEnabled(false);
        try {
            api.post("/internal/portal/checkouts/{id}/sandbox-payment", checkout.id())
                    .session(session)
                    .as(Checkout.class);
            getUI().ifPresent(ui -> ui.navigate(
                    CheckoutView.class, new RouteParameters("id", checkout.id().toString())));
        } catch (ApiProblem problem) {
            pay.setEnabled(true);
            error.setText(
                    problem.status() == 404
                            ? "This test payment is not available: the sandbox is switched off."
                            : Formats.sentence(problem.getMessage()));
            error.setVisible(true);
        }
    }
}
