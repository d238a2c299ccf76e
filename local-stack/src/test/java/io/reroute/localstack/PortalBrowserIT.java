package io.reroute.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.gateway.support.FakeUpstreamDns;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The subscriber portal in headless Chromium against the running system: a blocked subscriber's
 * device is sent by the gateway's captive endpoint to their workspace's portal, pays in the sandbox,
 * sees "restored" without reloading, and the gateway's DNS answers them normally again. Reminder
 * hosts end in {@code .localtest}, which the browser maps to this machine.
 */
class PortalBrowserIT {

    private static final String LANDING = "192.0.2.10";
    private static final String NAME = "news.example.com";

    @RegisterExtension
    @Order(1)
    static final RunningStack stack = RunningStack.withFakeUpstreamDns();

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
