package io.reroute.localstack;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's chromium, headless, driven by Playwright for a test class; Playwright's own browser
 * download stays off (these machines reach only Maven Central, Debian and npm).
 */
final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback {

    private static final Path CHROMIUM = Path.of(System.getProperty("reroute.chromium", "/usr/bin/chromium"));

    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    void start() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM
                    + " is missing: install Debian's chromium (.ci/run does) or point -Dreroute.chromium at one");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                // Workspaces' reminder hosts in these tests end in .localtest: the portal here.
                                "--host-resolver-rules=MAP *.localtest 127.0.0.1")));
        // Vaadin answers through a server round trip; a loaded CI machine can take a few seconds.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /**
     * What a first visit of {@code url} transfers, with an empty cache, once {@code readyId} shows
     * and the network is quiet: responses and their headers as they came over the wire.
     */
    Transfer firstVisit(String url, String readyId) {
        try (var context = browser.newContext()) {
            var page = context.newPage();
            var bytes = new java.util.concurrent.atomic.AtomicLong();
            var requests = new java.util.concurrent.atomic.AtomicInteger();
            page.onRequestFinished(request -> {
                var sizes = request.sizes();
                bytes.addAndGet(sizes.responseBodySize + sizes.responseHeadersSize);
                requests.incrementAndGet();
            });
            page.navigate(url);
            page.locator("#" + readyId).waitFor();
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            return new Transfer(requests.get(), bytes.get());
        }
    }

    record Transfer(int requests, long bytes) {}

    /** A browser session of its own (cookies, storage), as a separate staff member would have. */
    VaadinPage page(String baseUrl) {
        return new VaadinPage(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)), baseUrl);
    }
}
