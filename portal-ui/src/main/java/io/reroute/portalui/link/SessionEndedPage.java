package io.reroute.portalui.link;

import com.vaadin.flow.component.html.Paragraph;
import io.reroute.portalui.host.Brand;
import io.reroute.portalui.host.CurrentHost;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.ui.BrandCard;
import java.util.Optional;

/** "Your session ended": what to do now, with the way to a new link. */
final class SessionEndedPage {

    static final String HEADLINE = "Your session ended";

    private SessionEndedPage() {}

    static BrandCard create(PlatformApi api, Optional<Brand> brand) {
        var card = new BrandCard(brand);
        card.setId("session-ended");
        card.heading(HEADLINE);
        card.add(new Paragraph("Open the link in your latest reminder again, or request a new one."));
        CurrentHost.get().ifPresent(host -> {
            if (brand.isPresent()) {
                card.add(new RequestLinkForm(api, host, brand));
            }
        });
        return card;
    }
}
