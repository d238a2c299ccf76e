package io.reroute.portalui.link;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.reroute.portalui.host.Brands;
import io.reroute.portalui.host.CurrentHost;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.session.Sessions;
import io.reroute.portalui.ui.BrandCard;
import io.reroute.portalui.ui.PortalView;
import io.reroute.portalui.ui.Styles;
import java.util.Optional;

/**
 * What a subscriber sees when the platform rejected the link they opened ({@link LinkController}
 * sends them here with the platform's reason): what happened, and the way to a new link.
 */
@Route("link-problem/:reason")
public class LinkProblemView extends PortalView implements BeforeEnterObserver {

    private final PlatformApi api;
    private final Brands brands;

    LinkProblemView(PlatformApi api, Brands brands) {
        this.api = api;
        this.brands = brands;
    }

    static String path(String reason) {
        return "/link-problem/" + reason;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        rejected(event.getRouteParameters().get("reason").orElse(""), CurrentHost.get());
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
            var account = Styles.primaryButton(new Anchor("account", "Go to your account"), brand);
            account.setRouterIgnore(true);
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
