package io.reroute.portalui.host;

import io.reroute.landingpage.LandingContent;

/** A workspace as its portal shows it: its name, currency and landing page branding. */
public record Brand(String displayName, String currency, LandingContent.Branding branding) {

    public Brand {
        if (branding == null) {
            branding = new LandingContent.Branding(null, null, null, displayName, null, null, null);
        }
    }
}
