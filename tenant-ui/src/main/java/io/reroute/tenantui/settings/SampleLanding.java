package io.reroute.tenantui.settings;

import io.reroute.landingpage.LandingContent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** A made-up restricted subscriber, so staff see their branding as a real subscriber would. */
public final class SampleLanding {

    private SampleLanding() {}

    public static LandingContent content(WorkspaceSettings.Branding branding, String currency) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new LandingContent(
                branding(branding),
                "Your internet access is paused: 2 invoices are overdue.",
                new BigDecimal("42.50"),
                currency,
                List.of(
                        new LandingContent.Invoice("INV-1041", today.minusDays(20), new BigDecimal("20.00")),
                        new LandingContent.Invoice("INV-1057", today.minusDays(5), new BigDecimal("22.50"))),
                // A preview leads nowhere; the portal puts the signed pay link here.
                null);
    }

    public static LandingContent.Branding branding(WorkspaceSettings.Branding branding) {
        if (branding == null) {
            return new LandingContent.Branding(null, null, null, "", "", "", null);
        }
        return new LandingContent.Branding(
                branding.logoUrl(),
                branding.primaryColor(),
                branding.accentColor(),
                branding.title(),
                branding.message(),
                branding.buttonLabel(),
                branding.note());
    }
}
