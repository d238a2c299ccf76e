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
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
        // Vaadin answers through a server round trip; a loaded CI machine can take a few seconds.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A browser session of its own (cookies, storage), as a separate staff member would have. */
    AdminUi adminUi(String baseUrl) {
        return new AdminUi(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)), baseUrl);
    }
}
