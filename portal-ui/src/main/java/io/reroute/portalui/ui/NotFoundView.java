package io.reroute.portalui.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import io.reroute.portalui.host.Brands;
import jakarta.servlet.http.HttpServletResponse;

/** An address the portal has no page for; in the workspace's colours, never listing the routes. */
public class NotFoundView extends PortalView implements HasErrorParameter<NotFoundException> {

    private final Brands brands;

    NotFoundView(Brands brands) {
        this.brands = brands;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        setId("not-found");
        var brand = brands.currentIfAvailable();
        var card = new BrandCard(brand);
        card.heading("Page not found");
        card.add(new Paragraph("Open the link in your latest reminder, or start from the home page."));
        var home = Styles.secondaryButton(new Anchor("", "Home page"));
        home.setId("home-link");
        home.setRouterIgnore(true);
        card.add(home);
        add(card);
        setTitle("Not found", brand);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
