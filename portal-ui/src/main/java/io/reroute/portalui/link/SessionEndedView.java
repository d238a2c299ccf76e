package io.reroute.portalui.link;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.reroute.portalui.host.Brands;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.session.Sessions;
import io.reroute.portalui.ui.PortalView;

/** Where a page goes when the platform says the session is over while the subscriber is on it. */
@Route("session-ended")
public class SessionEndedView extends PortalView implements BeforeEnterObserver {

    private final PlatformApi api;
    private final Brands brands;

    SessionEndedView(PlatformApi api, Brands brands) {
        this.api = api;
        this.brands = brands;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Sessions.forget();
        removeAll();
        var brand = brands.currentIfAvailable();
        add(SessionEndedPage.create(api, brand));
        setTitle(SessionEndedPage.HEADLINE, brand);
    }
}
