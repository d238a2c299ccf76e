package io.reroute.portalui.account;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.reroute.landingpage.LandingContent;
import io.reroute.landingpage.LandingPage;
import io.reroute.portalui.host.Brand;
import io.reroute.portalui.host.Brands;
import io.reroute.portalui.host.CurrentHost;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.platform.SessionEndedException;
import io.reroute.portalui.session.PortalSession;
import io.reroute.portalui.session.Sessions;
import io.reroute.portalui.ui.Landings;
import io.reroute.portalui.ui.PortalView;
import io.reroute.portalui.ui.RestoredBanner;
import io.reroute.portalui.ui.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The subscriber's landing page with their real situation: why they are here and since when, what
 * they owe, the Pay button (a link to {@code pay}), their data and top-ups when out of data. It
 * watches the state every two seconds and says "Service restored" the moment a restriction lifts,
 * without a reload.
 */
@Route(AccountView.ROUTE)
public class AccountView extends PortalView implements BeforeEnterObserver, AfterNavigationObserver {

    public static final String ROUTE = "account";
    static final int POLL_MILLIS = 2_000;

    private final PlatformApi api;
    private final Brands brands;
    private PortalSession session;
    private Optional<Brand> brand = Optional.empty();
    private Account account;
    private boolean restored;
    private Registration watching;

    AccountView(PlatformApi api, Brands brands) {
        this.api = api;
        this.brands = brands;
        setId("account");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        session = Sessions.require(CurrentHost.get());
        brand = brands.current();
        account = load();
        render();
        setTitle("Your account", brand);
    }

    /** After navigation, not on attach: the page navigated away from stops its polling on detach. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (watching == null) {
            UI ui = event.getLocationChangeEvent().getUI();
            ui.setPollInterval(POLL_MILLIS);
            watching = ui.addPollListener(poll -> watch());
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (watching != null) {
            watching.remove();
            watching = null;
        }
        event.getUI().setPollInterval(-1);
    }

    /** Reloads the account only when the state moved on (its version tells), which is rare. */
    private void watch() {
        AccountState now =
                api.get("/internal/portal/account/state").session(session).as(AccountState.class);
        if (now.stateVersion() == account.stateVersion() && now.state() == account.state()) {
            return;
        }
        boolean wasRestricted = account.state().restricted();
        account = load();
        if (wasRestricted && !account.state().restricted()) {
            restored = true;
        } else if (account.state().restricted()) {
            restored = false;
        }
        render();
    }

    private Account load() {
        return api.get("/internal/portal/account").session(session).as(Account.class);
    }

    private void render() {
        removeAll();
        if (restored) {
            add(new RestoredBanner("Your internet access is back. Reload the pages you were trying to open."));
        }
        boolean canPay = account.hasSomethingToPay() && account.paysOnline();
        var page = new LandingPage(new LandingContent(
                brand.map(Brand::branding).orElseThrow(SessionEndedException::new),
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
        Landings.part(page, "landing-pay").ifPresent(pay -> {
            if (canPay) {
                pay.setId("pay-now");
            } else {
                pay.setVisible(false);
            }
        });
        Landings.addAboveNote(page, sections().toArray(Component[]::new));
        brand.flatMap(Landings::providerName).ifPresent(this::add);
        add(page);
    }

    private List<Component> sections() {
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

    private Div links() {
        var invoices = Styles.secondaryButton(new Anchor("invoices", "Invoices and receipts"));
        invoices.setId("invoices-link");
        var signOut = Styles.secondaryButton(new NativeButton("Sign out", click -> signOut()));
        signOut.setId("sign-out");
        var links = new Div(invoices, signOut);
        links.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("justify-content", "space-between")
                .set("gap", "var(--lumo-space-s)");
        return links;
    }

    private void signOut() {
        try {
            api.delete("/internal/portal/sessions").session(session).send();
        } catch (SessionEndedException alreadyOver) {
            // Nothing left to close.
        }
        Sessions.forget();
        getUI().ifPresent(ui -> ui.navigate(""));
    }
}
