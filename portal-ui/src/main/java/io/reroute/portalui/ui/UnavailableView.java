package io.reroute.portalui.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import io.reroute.portalui.platform.PlatformUnavailableException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The platform could not answer while a page opened. No brand either (that needs the platform), so a
 * neutral page that asks to try again.
 */
public class UnavailableView extends PortalView implements HasErrorParameter<PlatformUnavailableException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<PlatformUnavailableException> parameter) {
        removeAll();
        setId("unavailable");
        var card = new BrandCard(Optional.empty());
        card.heading("Please try again in a moment");
        card.add(new Paragraph("The service is busy or briefly unavailable. Nothing about your account changed."));
        var retry = Styles.secondaryButton(new Anchor(event.getLocation().getPathWithQueryParameters(), "Try again"));
        retry.setRouterIgnore(true);
        retry.setId("try-again");
        card.add(retry);
        add(card);
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
