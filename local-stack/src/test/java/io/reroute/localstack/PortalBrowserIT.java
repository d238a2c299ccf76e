package io.reroute.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.reroute.gateway.support.FakeUpstreamDns;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The subscriber portal in headless Chromium against the running system: a blocked subscriber's
 * device is sent by the gateway's captive endpoint to their workspace's portal, pays in the sandbox,
 * sees "restored" without reloading, and the gateway's DNS answers them normally again; a subscriber
 * signs in with a code mailed to a real SMTP server. Reminder hosts end in {@code .localtest}, which
 * the browser maps to this machine.
 */
class PortalBrowserIT {

    private static final String LANDING = "192.0.2.10";
    private static final String NAME = "news.example.com";

    @RegisterExtension
    @Order(1)
    static final RunningStack stack = RunningStack.withFakeUpstreamDns().withMailServer();

    @RegisterExtension
    @Order(2)
    static final HeadlessChromium chromium = new HeadlessChromium();

    @Test
    void aBlockedSubscriberFollowsTheCaptiveRedirectPaysInTheSandboxAndSeesServiceRestored() {
        var platform = new PlatformClient(stack.platformUrl());
        var workspace = platform.signUp("Fibra Norte");
        String host = "pay-" + workspace.slug() + ".localtest";
        platform.configurePortal(workspace, host, LANDING);
        String address = "127.0.0.3";
        String subscriber = platform.subscriber(workspace, "C-100", "Carla Dias", address)
                .get("id")
                .asString();
        platform.overdueInvoice(workspace, subscriber, "F-2026-11", "39.90", 30);
        var dig = new DigClient(stack.config().dnsPort(), address);
        dig.awaitAnswer(NAME, LANDING, Duration.ofSeconds(30));

        // The device's first plain-HTTP request (an OS connectivity check) reaches the captive endpoint.
        URI redirect = captiveRedirect(address);
        assertThat(redirect.getHost()).isEqualTo(host);
        assertThat(redirect.getPath()).startsWith("/link/");

        try (var portal = chromium.page(stack.portalUrl(host))) {
            portal.open(redirect.getPath());
            portal.expect("account-state").hasAttribute("data-state", "BLOCKED");
            // The first page is finished HTML: the captive network carries no Vaadin client for it.
            assertThat(portal.page().evaluate("() => window.Vaadin === undefined"))
                    .isEqualTo(true);
            assertThat(portal.page().url()).endsWith("/account");
            portal.expect("account").containsText("Fibra Norte");
            portal.expect("account").containsText("F-2026-11");
            portal.expect("account").containsText("39.90");
            portal.screenshot("50-portal-blocked");

            portal.click("pay-now");
            portal.expect("sandbox-pay").isVisible();
            portal.screenshot("51-portal-sandbox-checkout");
            long clicked = System.nanoTime();
            portal.click("sandbox-pay");
            dig.awaitAnswer(NAME, FakeUpstreamDns.ANSWER, Duration.ofSeconds(30));
            // Reported, not asserted: bench/portal.sh holds the 2 s target over 100 runs.
            System.out.printf(
                    "PortalBrowserIT: sandbox payment click -> gateway answers %s normally again: %d ms%n",
                    address, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - clicked));
            portal.expect("service-restored").isVisible();
            portal.screenshot("52-portal-restored");

            portal.click("back-to-account");
            portal.expect("account-state").hasAttribute("data-state", "ACTIVE");
            portal.expect("service-restored").isVisible();
        }
        assertThat(platform.get(workspace.token(), "/api/v1/subscribers/" + subscriber)
                        .get("state")
                        .asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void aLinkOfOneWorkspaceIsRefusedOnAnothersHostAndBrandsNeverMix() {
        var platform = new PlatformClient(stack.platformUrl());
        var first = platform.signUp("Rede Sul");
        var second = platform.signUp("Onda Leste");
        String firstHost = "pay-" + first.slug() + ".localtest";
        String secondHost = "pay-" + second.slug() + ".localtest";
        platform.configurePortal(first, firstHost, LANDING);
        platform.configurePortal(second, secondHost, LANDING);
        String subscriber =
                platform.subscriber(first, "R-1", "Rui Sousa").get("id").asString();
        String link = platform.link(first, subscriber, "PAY");

        try (var portal = chromium.page(stack.portalUrl(secondHost))) {
            portal.open("/link/" + link);
            portal.expect("link-problem").hasAttribute("data-reason", "FOREIGN_HOST");
            portal.expect(portal.page().locator("body")).containsText("Onda Leste");
            portal.expect(portal.page().locator("body")).not().containsText("Rede Sul");
            portal.screenshot("53-portal-foreign-link");
        }
        try (var portal = chromium.page(stack.portalUrl(firstHost))) {
            portal.open("/");
            portal.expect(portal.page().locator("body")).containsText("Rede Sul");
            portal.expect(portal.page().locator("body")).not().containsText("Onda Leste");
            // Without a link: the account number, then a mailed code (a guessed one is refused).
            portal.fill("code-account", "R-1").click("code-send");
            portal.expect("code-sent").isVisible();
            portal.fill("code-value", "000000").click("code-submit");
            portal.expect("code-error").containsText("not right");
            portal.screenshot("54-portal-code-sign-in");
        }
        try (var portal = chromium.page(stack.portalUrl("nobody-here.localtest"))) {
            portal.open("/");
            portal.expect("unknown-host").isVisible();
            portal.expect(portal.page().locator("body")).not().containsText("Rede Sul");
            portal.expect(portal.page().locator("body")).not().containsText("Onda Leste");
        }
    }

    @Test
    void aSubscriberSignedInWithAMailedCodeSeesTheRestoreWithoutReloading() throws Exception {
        var platform = new PlatformClient(stack.platformUrl());
        var workspace = platform.signUp("Vale Net");
        String host = "pay-" + workspace.slug() + ".localtest";
        platform.configurePortal(workspace, host, LANDING);
        String subscriber =
                platform.subscriber(workspace, "V-7", "Vera Lima").get("id").asString();
        platform.post(workspace, "/api/v1/subscribers/" + subscriber + "/suspend", Map.of("reason", "browser test"));

        try (var portal = chromium.page(stack.portalUrl(host))) {
            portal.open("/");
            int mailsBefore = stack.mail().getReceivedMessages().length;
            portal.fill("code-account", "V-7").click("code-send");
            portal.expect("code-sent").isVisible();
            portal.fill("code-value", mailedCode("v-7@subscribers.example.net", mailsBefore))
                    .click("code-submit");
            portal.expect("account-state").hasAttribute("data-state", "SUSPENDED");
            portal.expect("account-holder").containsText("V-7");
            portal.screenshot("55-portal-signed-in-with-code");

            // Staff lift the suspension: the open page notices by itself.
            platform.post(
                    workspace, "/api/v1/subscribers/" + subscriber + "/restore", Map.of("reason", "browser test"));
            portal.expect("service-restored").isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
            portal.expect("account-state").hasAttribute("data-state", "ACTIVE");
            portal.screenshot("56-portal-restored-by-staff");

            portal.click("sign-out");
            portal.expect("home").isVisible();
            portal.open("/account");
            portal.expect("session-ended").isVisible();
        }
    }

    /** The code in the sign-in mail the platform sent to {@code recipient} after {@code before} mails. */
    private static String mailedCode(String recipient, int before) throws Exception {
        var mail = stack.mail();
        assertThat(mail.waitForIncomingEmail(30_000, before + 1))
                .as("a sign-in mail")
                .isTrue();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients())
                    .anyMatch(to -> to.toString().equalsIgnoreCase(recipient))) {
                Matcher code = Pattern.compile("is (\\d{6})\\.").matcher(GreenMailUtil.getBody(message));
                if (code.find()) {
                    return code.group(1);
                }
            }
        }
        throw new AssertionError("no sign-in code was mailed to " + recipient);
    }

    /** Where the gateway's captive endpoint sends a device at {@code address}, as curl sees it from there. */
    private static URI captiveRedirect(String address) {
        try {
            Process curl = new ProcessBuilder(
                            "curl",
                            "-s",
                            "-o",
                            "/dev/null",
                            "-w",
                            "%{redirect_url}",
                            "--interface",
                            address,
                            "http://127.0.0.1:" + stack.config().captivePort() + "/generate_204")
                    .redirectErrorStream(true)
                    .start();
            assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String location = new String(curl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            assertThat(location).as("captive redirect").startsWith("https://");
            return URI.create(location);
        } catch (IOException e) {
            throw new IllegalStateException("curl could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
