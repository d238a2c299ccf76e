package io.reroute.portalui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * The neutral page for a host no workspace has claimed: it never shows another workspace's brand.
 * Host-based branding picks the workspace's landing page instead once reminder hosts resolve.
 */
@Route("")
@PageTitle("Service portal")
public class UnknownHostView extends Main {

    UnknownHostView() {
        setId("unknown-host");
        add(
                new H1("This address is not set up"),
                new Paragraph("If you followed a link from your internet provider, please use the link in your"
                        + " latest reminder or contact your provider."));
    }
}
