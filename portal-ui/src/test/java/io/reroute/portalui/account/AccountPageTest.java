package io.reroute.portalui.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.landingpage.LandingContent;
import io.reroute.portalui.host.Brand;
import io.reroute.portalui.ui.ServerPage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountPageTest {

    private static final Brand BRAND = new Brand(
            "Fibra <Norte>",
            "EUR",
            new LandingContent.Branding(
                    "https://cdn.example/logo.png",
                    "#0b5fff",
                    "#1a1a2e",
                    "Fibra <script>alert(1)</script>",
                    "Your service is paused.",
                    "Pay now",
                    "Support: 555-0100"));

    private static Account account(SubscriberState state, String due, String provider) {
        var invoices = new BigDecimal(due).signum() > 0
                ? List.of(new Account.Bill(
                        UUID.randomUUID(), "F-2026-11", new BigDecimal(due), "EUR", LocalDate.of(2026, 11, 1), true))
                : List.<Account.Bill>of();
        var usage = new Account.Usage(
                50_000_000_000L, 50_000_000_000L, 0L, 100, Instant.parse("2026-12-01T00:00:00Z"), "BLOCK");
        var offer = new Account.Offer(
                UUID.fromString("6f1c1d6e-0c1a-4c61-9d0a-2b0c8d5a7e11"),
                "10 GB",
                10_000_000_000L,
                new BigDecimal("5.00"),
                "EUR",
                30);
        return new Account(
                "Carla Dias",
                "C-100",
                "carla@example.net",
                state,
                Instant.parse("2026-11-20T08:00:00Z"),
                7,
                invoices,
                new BigDecimal(due),
                "EUR",
                usage,
                List.of(offer),
                provider);
    }

    private static String render(Account account, boolean restored) {
        return ServerPage.html(
                "Your account",
                "account",
                AccountPage.content(account, BRAND, restored),
                AccountController.WATCH_SCRIPT);
    }

    @Test
    void aBlockedSubscribersPageIsSmallFinishedHtmlWithoutVaadinsClient() {
        String html = render(account(SubscriberState.BLOCKED, "39.90", "SANDBOX"), false);

        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("id=\"account-state\"", "data-state=\"BLOCKED\"", "data-state-version=\"7\"")
                .contains("F-2026-11", "39.90 EUR", "Account C-100 · Carla Dias", "Support: 555-0100")
                .contains("id=\"pay-now\"", "href=\"pay\"")
                .contains("action=\"account/sign-out\"", "id=\"invoices-link\"")
                .contains("fetch('account/state'")
                .doesNotContain("VAADIN", "service-restored");
        // The workspace's texts are its staff's to type: shown, never run.
        assertThat(html).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(16 * 1024);
    }

    @Test
    void aCappedSubscriberSeesUsageAndTopUpsEachBoughtByALink() {
        String html = render(account(SubscriberState.CAPPED, "0", "SANDBOX"), false);

        assertThat(html)
                .contains("id=\"usage\"", "id=\"data-remaining\"", "id=\"top-ups\"")
                .contains("href=\"pay/6f1c1d6e-0c1a-4c61-9d0a-2b0c8d5a7e11\"")
                // Nothing to pay: no Pay button leading nowhere.
                .doesNotContain("id=\"pay-now\"", "landing-pay");
    }

    @Test
    void withoutOnlinePaymentsThePageSaysHowToPayInstead() {
        String html = render(account(SubscriberState.BLOCKED, "39.90", null), false);

        assertThat(html).contains("id=\"no-online-payments\"").doesNotContain("id=\"pay-now\"");
    }

    @Test
    void aLiftedRestrictionIsAnnounced() {
        String html = render(account(SubscriberState.ACTIVE, "0", "SANDBOX"), true);

        assertThat(html).contains("id=\"service-restored\"", "role=\"status\"", "data-state=\"ACTIVE\"");
    }
}
