package io.reroute.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The tenant admin UI in headless Chromium against the running system (platform, gateway, both UIs on
 * embedded PostgreSQL and Redis): what staff do, checked on screen and then through the platform's API.
 * Each test opens workspaces of its own; screenshots of the main screens land in
 * {@code target/screenshots}.
 */
class TenantUiBrowserIT {

    @RegisterExtension
    @Order(1)
    static final RunningStack stack = RunningStack.withSystemDns();

    @RegisterExtension
    @Order(2)
    static final HeadlessChromium chromium = new HeadlessChromium();

    @Test
    void aNewIspSignsUpAndWalksTheWizardToTheEndLeavingAndResumingOnTheWay() {
        var platform = new PlatformClient(stack.platformUrl());
        String slug = "fibra-norte-" + Long.toString(System.nanoTime(), 36);
        String email = "olivia@" + slug + ".example.net";
        String reminderHost = "pay." + slug + ".example";
        try (var ui = chromium.page(stack.tenantUiUrl())) {
            ui.open("/login").click("sign-up-link");
            ui.expectPage().hasURL(Pattern.compile(".*/signup$"));
            ui.fill("signup-isp-name", "Fibra Norte");
            ui.expect(ui.inputOf("signup-slug")).hasValue("fibra-norte");
            ui.fill("signup-slug", "demo")
                    .fill("signup-owner-name", "Olivia Owner")
                    .fill("signup-email", email)
                    .fill("signup-password", PlatformClient.PASSWORD)
                    .fill("signup-password-again", PlatformClient.PASSWORD);
            ui.click("signup-submit");
            // The demo workspace has that slug: the platform's 409 lands on the field, and nothing typed is lost.
            ui.expect(ui.errorOf("signup-slug")).containsText("already exists");
            ui.expect(ui.inputOf("signup-email")).hasValue(email);
            ui.screenshot("01-sign-up-slug-taken");
            ui.fill("signup-slug", slug).click("signup-submit");

            ui.expectPage().hasURL(Pattern.compile(".*/onboarding$"));
            ui.expect("onboarding").hasAttribute("data-step", "BRANDING");
            ui.fill("branding-title", "Fibra Norte: pay your bill").fill("branding-primary-color", "#12");
            ui.click("wizard-save");
            ui.expect(ui.errorOf("branding-primary-color")).containsText("colour");
            ui.expect(ui.inputOf("branding-title")).hasValue("Fibra Norte: pay your bill");
            ui.fill("branding-primary-color", "#ff6600");
            ui.expect("landing-preview").hasAttribute("data-primary-color", "#ff6600");
            ui.expect("landing-preview").containsText("Fibra Norte: pay your bill");
            ui.screenshot("02-wizard-branding");
            ui.click("wizard-save");

            ui.expect("onboarding").hasAttribute("data-step", "REMINDER_HOST");
            ui.fill("reminder-host", reminderHost).fill("landing-ipv4", "192.0.2.10");
            ui.expect("dns-records").containsText(reminderHost);
            ui.screenshot("03-wizard-reminder-host");
            ui.click("wizard-save");
            ui.expect("onboarding").hasAttribute("data-step", "ALLOWLIST");

            // Left half way and come back: the wizard resumes at the first step not done.
            ui.open("/subscribers").open("/onboarding");
            ui.expect("onboarding").hasAttribute("data-step", "ALLOWLIST");
            ui.expect("wizard-step-REMINDER_HOST").hasAttribute("data-done", "true");
            ui.click("allowlist-preset-stripe");
            ui.expect("allowlist-grid").containsText("checkout.stripe.com");
            ui.screenshot("04-wizard-allowlist");
            ui.click("wizard-save");

            ui.expect("onboarding").hasAttribute("data-step", "NETWORK");
            ui.fill("router-name", "core-1")
                    .fill("router-host", "198.51.100.2")
                    .fill("router-username", "reroute")
                    .fill("router-password", "router api password");
            ui.expect(ui.inputOf("nas-address")).hasValue("198.51.100.2");
            ui.click("nas-secret-generate").click("network-add");
            ui.expect("network-result").isVisible();
            ui.expect(ui.inputOf("router-script")).hasValue(Pattern.compile("192\\.0\\.2\\.10"));
            ui.screenshot("05-wizard-network");
            ui.click("wizard-save");

            ui.expect("onboarding").hasAttribute("data-step", "CHECK");
            ui.fill("check-dns-name", "checkout.stripe.com");
            ui.expect("check-dns-answer").containsText("resolves normally");
            ui.fill("check-dns-name", "news.example.com");
            ui.expect("check-dns-answer").containsText("192.0.2.10");
            ui.expect("check-redirect-location").containsText("https://" + reminderHost + "/link/");
            ui.expect("check-landing-page").containsText("Fibra Norte: pay your bill");
            ui.screenshot("06-wizard-check");
            ui.click("wizard-save");
            ui.expect("wizard-summary").isVisible();
            ui.screenshot("07-wizard-done");
        }

        // What the wizard saved is what the platform now has.
        String token = platform.signIn(email);
        JsonNode settings = platform.get(token, "/api/v1/workspace/settings");
        assertThat(settings.get("reminderHost").asString()).isEqualTo(reminderHost);
        assertThat(settings.at("/branding/title").asString()).isEqualTo("Fibra Norte: pay your bill");
        assertThat(settings.at("/landing/ipv4").asString()).isEqualTo("192.0.2.10");
        assertThat(platform.get(token, "/api/v1/workspace/onboarding")
                        .get("completed")
                        .asBoolean())
                .isTrue();
        assertThat(values(platform.get(token, "/api/v1/workspace/allowlist"), "value"))
                .contains("checkout.stripe.com");
        assertThat(values(platform.get(token, "/api/v1/routers"), "name")).containsExactly("core-1");
    }

    @Test
    void anInvalidAllowlistEntryIsExplainedNextToItsFieldAndKeepsWhatWasTyped() {
        var platform = new PlatformClient(stack.platformUrl());
        var workspace = platform.signUp("Allowlist ISP");
        String help = "help." + workspace.slug() + ".example";
        try (var ui = chromium.page(stack.tenantUiUrl())) {
            ui.signIn(workspace.ownerEmail(), PlatformClient.PASSWORD).open("/settings/allowlist");
            ui.fill("allowlist-value", "*.com").click("allowlist-add");
            ui.expect(ui.errorOf("allowlist-value")).containsText("not a fully qualified host name");
            ui.expect(ui.inputOf("allowlist-value")).hasValue("*.com");
            ui.screenshot("20-allowlist-invalid-entry");

            ui.fill("allowlist-value", help).click("allowlist-add");
            ui.expect("allowlist-grid").containsText(help);
            ui.fill("allowlist-value", help).click("allowlist-add");
            ui.expect(ui.errorOf("allowlist-value")).containsText("already on the allowlist");
        }
        assertThat(values(platform.get(workspace.token(), "/api/v1/workspace/allowlist"), "value"))
                .containsExactly(help);
    }

    @Test
    void staffSuspendAndRestoreASubscriberAndSeeBothInTheHistory() {
        var platform = new PlatformClient(stack.platformUrl());
        var workspace = platform.signUp("Suspend ISP");
        String id =
                platform.subscriber(workspace, "A-1001", "Ana Lima").get("id").asString();
        try (var ui = chromium.page(stack.tenantUiUrl())) {
            ui.open("/login").submitLogin(workspace.ownerEmail(), "not the password");
            ui.expect("login-form").containsText("Not signed in");
            ui.signIn(workspace.ownerEmail(), PlatformClient.PASSWORD);
            ui.expect("count-active").hasText("1");
            ui.screenshot("10-dashboard");

            // A landing address, so restricted subscribers' DNS answers have somewhere to point.
            ui.open("/settings/reminders")
                    .fill("reminder-host", "pay." + workspace.slug() + ".example")
                    .fill("landing-ipv4", "192.0.2.20")
                    .click("reminders-save");
            ui.expect(ui.page().locator("vaadin-notification-card")).containsText("Saved");

            ui.open("/subscribers");
            ui.expect("subscribers-grid").containsText("Ana Lima");
            ui.screenshot("11-subscribers");
            ui.page()
                    .locator(
                            "#subscribers-grid vaadin-grid-cell-content",
                            new Page.LocatorOptions().setHasText("A-1001"))
                    .first()
                    .click();
            ui.expectPage().hasURL(Pattern.compile(".*/subscribers/" + id + "$"));
            ui.expect("subscriber-state").hasAttribute("data-state", "ACTIVE");

            ui.click("action-suspend").click("confirm-action");
            ui.expect(ui.errorOf("reason-field")).isVisible();
            ui.fill("reason-field", "Fraud check").click("confirm-action");
            ui.expect("subscriber-state").hasAttribute("data-state", "SUSPENDED");
            ui.expect("action-restore").isVisible();
            ui.screenshot("12-subscriber-suspended");
            // The region's gateway hears of it on the region stream; the live diagnosis shows it redirecting.
            ui.click("tab-diagnosis");
            ui.awaitText("diagnosis-gateways", "Redirected to the landing page", "diagnosis-refresh");
            ui.expect("diagnosis-gateways").containsText("192.0.2.20");
            ui.screenshot("13-subscriber-why-restricted");
            assertThat(platform.get(workspace.token(), "/api/v1/subscribers/" + id)
                            .get("state")
                            .asString())
                    .isEqualTo("SUSPENDED");

            ui.click("action-restore")
                    .fill("reason-field", "Checked with the customer")
                    .click("confirm-action");
            ui.expect("subscriber-state").hasAttribute("data-state", "ACTIVE");
            ui.click("tab-history");
            ui.expect("history-grid").containsText("suspended by staff: Fraud check");
            ui.expect("history-grid").containsText("restored by staff: Checked with the customer");
            ui.expect("history-grid").containsText("staff:" + workspace.ownerEmail());
            ui.screenshot("14-subscriber-history");
            ui.click("tab-diagnosis");
            ui.awaitText("diagnosis-gateways", "Normal answer", "diagnosis-refresh");
        }
        assertThat(platform.get(workspace.token(), "/api/v1/subscribers/" + id)
                        .get("state")
                        .asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aSecondWorkspacesStaffGetNotFoundForTheFirstsIdsAndNeverSeeItsRows() {
        var platform = new PlatformClient(stack.platformUrl());
        var first = platform.signUp("First ISP");
        String foreignSubscriber =
                platform.subscriber(first, "F-1", "First Subscriber").get("id").asString();
        String foreignRouter = platform.post(
                        first,
                        "/api/v1/routers",
                        Map.of("name", "first-core", "host", "198.51.100.7", "username", "api", "password", "pw"))
                .get("id")
                .asString();
        var second = platform.signUp("Second ISP");
        platform.subscriber(second, "S-1", "Second Subscriber");

        try (var ui = chromium.page(stack.tenantUiUrl())) {
            ui.signIn(second.ownerEmail(), PlatformClient.PASSWORD);
            ui.open("/subscribers/" + foreignSubscriber);
            ui.expect("problem-view").containsText("Not found");
            ui.expect(ui.page().locator("body")).not().containsText("First Subscriber");
            ui.screenshot("30-foreign-subscriber-not-found");
            ui.open("/settings/routers/" + foreignRouter);
            ui.expect("problem-view").containsText("Not found");
            ui.expect(ui.page().locator("body")).not().containsText("first-core");

            ui.open("/subscribers");
            ui.expect("subscribers-grid").containsText("Second Subscriber");
            ui.expect("subscribers-grid").not().containsText("First Subscriber");
            ui.open("/settings/routers");
            ui.expect("routers-grid").not().containsText("first-core");
        }
    }

    @Test
    void supportStaffSendRemindersButCannotChangeSubscribersOrSettings() {
        var platform = new PlatformClient(stack.platformUrl());
        var workspace = platform.signUp("Support ISP");
        String id =
                platform.subscriber(workspace, "B-7", "Bruno Costa").get("id").asString();
        String support = "sam@" + workspace.slug() + ".example.net";
        platform.post(
                workspace,
                "/api/v1/staff",
                Map.of(
                        "email",
                        support,
                        "displayName",
                        "Sam Support",
                        "role",
                        "SUPPORT",
                        "password",
                        PlatformClient.PASSWORD));

        try (var ui = chromium.page(stack.tenantUiUrl())) {
            ui.signIn(support, PlatformClient.PASSWORD).open("/subscribers/" + id);
            ui.expect("subscriber-state").hasAttribute("data-state", "ACTIVE");
            ui.expect("action-remind").isVisible();
            ui.expect("action-suspend").isHidden();
            ui.expect("action-payment").isHidden();
            ui.screenshot("40-support-subscriber");
            ui.open("/settings/routers");
            ui.expect("settings-routers").isVisible();
            ui.expect("router-new").not().isAttached();
        }
    }

    private static List<String> values(JsonNode array, String field) {
        JsonNode items = array.has("items") ? array.get("items") : array;
        return StreamSupport.stream(items.spliterator(), false)
                .map(item -> item.get(field).asString())
                .toList();
    }
}
