package io.reroute.portalui.link;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import io.reroute.portalui.ui.BrandCard;
import java.util.Optional;

/**
 * The neutral page for a host no workspace has claimed: it never shows any workspace's brand, and
 * offers no form, since there is no provider here to send a link.
 */
class UnknownHost extends BrandCard {

    UnknownHost() {
        super(Optional.empty());
        setId("unknown-host");
        H1 heading = heading("This address is not set up");
        heading.addClassName("unknown-host-title");
        add(new Paragraph("If you followed a link from your internet provider, please use the link in your"
                + " latest reminder or contact your provider."));
    }
}
