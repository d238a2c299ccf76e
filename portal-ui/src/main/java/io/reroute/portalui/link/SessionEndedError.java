package io.reroute.portalui.link;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import io.reroute.portalui.host.Brands;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.platform.SessionEndedException;
import io.reroute.portalui.session.Sessions;
import io.reroute.portalui.ui.PortalView;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page that needs the subscriber's session opened without one (expired, signed out, another
 * workspace's host): the same explanation as {@link SessionEndedView}, at the address asked for.
 */
public class SessionEndedError extends PortalView implements HasErrorParameter<SessionEndedException> {

    private final PlatformApi api;
    private final Brands brands;

    SessionEndedError(PlatformApi api, Brands brands) {
        this.api = api;
        this.brands = brands;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<SessionEndedException> parameter) {
        Sessions.forget();
        removeAll();
        var brand = brands.currentIfAvailable();
        add(SessionEndedPage.create(api, brand));
        setTitle(SessionEndedPage.HEADLINE, brand);
        return HttpServletResponse.SC_UNAUTHORIZED;
    }
}
