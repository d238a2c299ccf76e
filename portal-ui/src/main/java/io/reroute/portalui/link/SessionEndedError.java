package io.reroute.portalui.link;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import io.reroute.portalui.host.Brands;
import io.reroute.portalui.platform.SessionEndedException;
import io.reroute.portalui.session.Sessions;
import io.reroute.portalui.ui.BrandCard;
import io.reroute.portalui.ui.PortalView;
import io.reroute.portalui.ui.ServerPage;
import io.reroute.portalui.ui.Styles;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A view that needs the subscriber's session opened without one (expired, signed out, another
 * workspace's host): says so and moves the browser on to the page with the way to a new link.
 */
public class SessionEndedError extends PortalView implements HasErrorParameter<SessionEndedException> {

    private final Brands brands;

    SessionEndedError(Brands brands) {
        this.brands = brands;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<SessionEndedException> parameter) {
        Sessions.forget();
        removeAll();
        var brand = brands.currentIfAvailable();
        var card = new BrandCard(brand);
        card.heading(SignInController.SESSION_ENDED);
        card.add(new Paragraph("Open the link in your latest reminder again, or request a new one."));
        var onward = Styles.primaryButton(new Anchor(ServerPage.SESSION_ENDED_PAGE, "Request a new link"), brand);
        onward.setRouterIgnore(true);
        onward.setId("to-session-ended");
        card.add(onward);
        add(card);
        setTitle(SignInController.SESSION_ENDED, brand);
        event.getUI().getPage().setLocation(ServerPage.SESSION_ENDED_PAGE);
        return HttpServletResponse.SC_UNAUTHORIZED;
    }
}
