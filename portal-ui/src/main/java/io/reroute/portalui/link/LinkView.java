package io.reroute.portalui.link;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import io.reroute.portalui.account.AccountView;
import io.reroute.portalui.host.Brands;
import io.reroute.portalui.host.CurrentHost;
import io.reroute.portalui.platform.ApiProblem;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.session.Sessions;
import io.reroute.portalui.ui.BrandCard;
import io.reroute.portalui.ui.PortalView;
import io.reroute.portalui.ui.Styles;
import java.util.Map;
import java.util.Optional;

/**
 * Where a reminder or the captive redirect sends the subscriber: the signed token opens a session at
 * the platform, kept server-side, and the browser moves on to the account (so the token leaves the
 * address bar and the history). A rejected link gets a page saying why, with the way to a new one.
 */
@Route("link/:token")
public class LinkView extends PortalView implements BeforeEnterObserver {

    /** What the platform answers for an opened session. */
    record SessionOpened(String session, String expiresAt, String purpose) {

        @Override
        public String toString() {
            return "SessionOpened[expiresAt=" + expiresAt + ", purpose=" + purpose + ", session=<hidden>]";
        }
    }

    private final PlatformApi api;
    private final Brands brands;

    LinkView(PlatformApi api, Brands brands) {
        this.api = api;
        this.brands = brands;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> host = CurrentHost.get();
        String token = event.getRouteParameters().get("token").orElse("");
        if (host.isEmpty()) {
            rejected("UNKNOWN_HOST", host);
            return;
        }
        try {
            SessionOpened opened = api.post("/internal/portal/sessions")
                    .body(Map.of("host", host.get(), "token", token))
                    .as(SessionOpened.class);
            // A new HTTP session id once it holds a subscriber's session: a planted id opens nothing.
            VaadinService.reinitializeSession(VaadinRequest.getCurrent());
            Sessions.open(host.get(), opened.session());
            // Show the account, and replace (not add) the history entry: the token leaves the browser's history.
            event.rerouteTo(AccountView.class);
            event.getUI().getPage().getHistory().replaceState(null, AccountView.ROUTE);
        } catch (ApiProblem problem) {
            if (problem.is(ApiProblem.LINK_REJECTED)) {
                rejected(problem.reason(), host);
            } else if (problem.status() == 400) {
                // Too long or empty to even check: as good as malformed.
                rejected("MALFORMED", host);
            } else {
                throw problem;
            }
        }
    }

    private void rejected(String reason, Optional<String> host) {
        removeAll();
        var brand = host.flatMap(brands::of);
        var message = LinkRejection.of(reason);
        var card = new BrandCard(brand);
        card.setId("link-problem");
        card.getElement().setAttribute("data-reason", reason == null ? "" : reason);
        card.heading(message.headline());
        card.add(new Paragraph(message.explanation()));
        // An older link does not end the session this browser already has (back button, old mail).
        if (host.flatMap(Sessions::find).isPresent()) {
            var account = Styles.primaryButton(new Anchor(AccountView.ROUTE, "Go to your account"), brand);
            account.setId("to-account");
            card.add(account);
        } else if (brand.isPresent()) {
            // A host no workspace uses has nobody to send a link.
            card.add(new RequestLinkForm(api, host.get(), brand));
        }
        add(card);
        setTitle(message.headline(), brand);
    }
}
