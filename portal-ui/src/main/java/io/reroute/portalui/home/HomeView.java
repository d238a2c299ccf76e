package io.reroute.portalui.home;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.reroute.landingpage.LandingContent;
import io.reroute.landingpage.LandingPage;
import io.reroute.portalui.host.Brands;
import io.reroute.portalui.host.CurrentHost;
import io.reroute.portalui.link.CodeSignInForm;
import io.reroute.portalui.link.RequestLinkForm;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.session.Sessions;
import io.reroute.portalui.ui.Landings;
import io.reroute.portalui.ui.PortalView;
import java.util.List;

/**
 * The reminder host's front page. A subscriber who arrives without a link sees the workspace's page
 * (no amount: nobody is signed in) and can ask for a new link; one whose session is open goes to
 * their account (Stripe's cancel button returns here). A host no workspace uses gets the neutral
 * page. Kept light for captive portals on phones: plain HTML and at most the workspace's logo.
 */
@Route("")
public class HomeView extends PortalView implements BeforeEnterObserver {

    static final String OPEN_YOUR_LINK = "Open the link in your latest reminder to see what you owe and pay.";

    private final PlatformApi api;
    private final Brands brands;

    HomeView(PlatformApi api, Brands brands) {
        this.api = api;
        this.brands = brands;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var host = CurrentHost.get();
        if (host.flatMap(Sessions::find).isPresent()) {
            // The account is a server-rendered page, not a view: the browser loads it.
            event.getUI().getPage().setLocation("account");
            return;
        }
        removeAll();
        var brand = host.flatMap(brands::of);
        if (brand.isEmpty()) {
            setId("unknown-host-view");
            add(new UnknownHost());
            setTitle("Service portal", brand);
            return;
        }
        setId("home");
        var page = new LandingPage(new LandingContent(
                brand.get().branding(), OPEN_YOUR_LINK, null, brand.get().currency(), List.of(), null));
        Landings.hidePayButton(page);
        Landings.addAboveNote(
                page, new RequestLinkForm(api, host.get(), brand), new CodeSignInForm(api, host.get(), brand));
        Landings.providerName(brand.get()).ifPresent(this::add);
        add(page);
        setTitle(brand.get().displayName(), brand);
    }
}
