package io.reroute.portalui.account;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;
import io.reroute.landingpage.LandingContent;
import io.reroute.landingpage.LandingPage;
import io.reroute.portalui.host.Brand;
import io.reroute.portalui.ui.Landings;
import io.reroute.portalui.ui.RestoredBanner;
import io.reroute.portalui.ui.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the subscriber's account page shows: the workspace's landing page filled with their real
 * situation (why they are here and since when, what they owe, the Pay button), their data and
 * top-ups when out of data, and "Service restored" once a restriction they saw has lifted.
 */
final class AccountPage {

    private AccountPage() {}

    static List<Component> content(Account account, Brand brand, boolean restored) {
        List<Component> content = new ArrayList<>();
        if (restored) {
            content.add(new RestoredBanner("Your internet access is back. Reload the pages you were trying to open."));
        }
        Landings.providerName(brand).ifPresent(content::add);
        boolean canPay = account.hasSomethingToPay() && account.paysOnline();
        var page = new LandingPage(new LandingContent(
                brand.branding(),
                StatusLine.of(account.state(), account.overdueInvoices()),
                account.hasSomethingToPay() ? account.totalDue() : null,
                account.currency(),
                account.openInvoices().stream()
                        .map(bill -> new LandingContent.Invoice(bill.number(), bill.dueDate(), bill.amount()))
                        .toList(),
                canPay ? "pay" : null));

        Landings.part(page, "landing-status").ifPresent(status -> {
            status.setId("account-state");
            status.getElement().setAttribute("data-state", account.state().name());
            status.getElement().setAttribute("data-state-version", Long.toString(account.stateVersion()));
            var since = Styles.small(new Paragraph(StatusLine.since(account.stateSince())));
            since.setId("account-since");
            var holder = Styles.small(new Paragraph(
                    "Account " + account.accountNumber() + (account.name() == null ? "" : " · " + account.name())));
            holder.setId("account-holder");
            Landings.addAfter(status, since, holder);
        });
        if (canPay) {
            Landings.part(page, "landing-pay").ifPresent(pay -> pay.setId("pay-now"));
        } else {
            Landings.removePayButton(page);
        }
        Landings.addAboveNote(page, sections(account, Optional.of(brand)).toArray(Component[]::new));
        content.add(page);
        return content;
    }

    private static List<Component> sections(Account account, Optional<Brand> brand) {
        List<Component> sections = new ArrayList<>();
        if (account.hasSomethingToPay() && !account.paysOnline()) {
            var offline = new Paragraph("Your provider does not take payments online here. Please contact them to"
                    + " pay; your service is restored as soon as they record your payment.");
            offline.setId("no-online-payments");
            sections.add(offline);
        }
        var usage = account.usage();
        if (usage != null && usage.limited()) {
            sections.add(new UsageSummary(usage, Styles.primary(brand)));
        }
        if (account.state() == SubscriberState.CAPPED && !account.topUps().isEmpty()) {
            sections.add(new TopUpOffers(account.topUps(), account.paysOnline(), brand));
        }
        sections.add(links());
        return sections;
    }

    /** Invoices, and signing out: a form, so it works without any script. */
    private static Div links() {
        var invoices = Styles.secondaryButton(new Anchor("invoices", "Invoices and receipts"));
        invoices.setId("invoices-link");
        var signOut = Styles.secondaryButton(new NativeButton("Sign out"));
        signOut.setId("sign-out");
        signOut.getElement().setAttribute("type", "submit");
        var links = new Div(invoices);
        links.getElement()
                .appendChild(new Element("form")
                        .setAttribute("method", "post")
                        .setAttribute("action", AccountController.SIGN_OUT)
                        .appendChild(signOut.getElement()));
        links.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("justify-content", "space-between")
                .set("gap", "var(--lumo-space-s)");
        return links;
    }
}
