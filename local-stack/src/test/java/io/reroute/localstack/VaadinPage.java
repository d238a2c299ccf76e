package io.reroute.localstack;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;

/**
 * One of the Vaadin UIs (the admin UI, the portal with its server-rendered pages) in one browser
 * session, spoken to by element id as the views set them. Every action waits until Vaadin's server round trip is over, and the checks
 * retry until they hold.
 */
final class VaadinPage implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * True once no Vaadin client has a request in flight; a server-rendered page (no Vaadin script)
     * once it has loaded.
     */
    private static final String VAADIN_IDLE = """
            () => {
              if (!document.querySelector('script[src*="VAADIN/"]')) return document.readyState === 'complete';
              const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
              return !!clients && Object.values(clients).every(c => !c.isActive || !c.isActive());
            }""";

    private final BrowserContext context;
    private final Page page;
    private final String baseUrl;

    VaadinPage(BrowserContext context, String baseUrl) {
        this.context = context;
        this.page = context.newPage();
        this.baseUrl = baseUrl;
    }

    VaadinPage open(String path) {
        page.navigate(baseUrl + path);
        awaitIdle();
        return this;
    }

    /** Signs in through the login form and waits to be let in. */
    VaadinPage signIn(String email, String password) {
        open("/login");
        submitLogin(email, password);
        page.waitForURL(url -> !url.contains("/login"));
        awaitIdle();
        return this;
    }

    void submitLogin(String email, String password) {
        page.locator("#login-form input[name=username]").fill(email);
        page.locator("#login-form input[name=password]").fill(password);
        page.locator("#login-form vaadin-button").first().click();
    }

    /** Types into a field as a user does: the value reaches the server when the field loses focus. */
    VaadinPage fill(String id, String value) {
        Locator input = inputOf(id);
        input.fill(value);
        input.blur();
        awaitIdle();
        return this;
    }

    VaadinPage click(String id) {
        page.locator("#" + id).click();
        awaitIdle();
        return this;
    }

    Locator byId(String id) {
        return page.locator("#" + id);
    }

    /** The text input of a Vaadin field, or the element itself when it is a plain input. */
    Locator inputOf(String id) {
        return page.locator("input#" + id + ", textarea#" + id + ", #" + id + " input, #" + id + " textarea")
                .first();
    }

    /** The message a field shows under itself when it is invalid. */
    Locator errorOf(String id) {
        return page.locator("#" + id + " > [slot=error-message]");
    }

    /**
     * Waits for an element to show a text that depends on something outside the UI (a gateway hearing
     * of a change), pressing the view's refresh button between looks.
     */
    void awaitText(String id, String text, String refreshId) {
        for (int attempt = 1; ; attempt++) {
            try {
                expect(id).containsText(text, new LocatorAssertions.ContainsTextOptions().setTimeout(2_000));
                return;
            } catch (AssertionFailedError notYet) {
                if (attempt == 10) {
                    throw notYet;
                }
                click(refreshId);
            }
        }
    }

    LocatorAssertions expect(String id) {
        return PlaywrightAssertions.assertThat(byId(id));
    }

    LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    PageAssertions expectPage() {
        return PlaywrightAssertions.assertThat(page);
    }

    /** Saves what the browser shows under {@code target/screenshots}, for people to look at. */
    void screenshot(String name) {
        awaitIdle();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    Page page() {
        return page;
    }

    private void awaitIdle() {
        for (int attempt = 1; ; attempt++) {
            try {
                page.waitForFunction(VAADIN_IDLE);
                return;
            } catch (PlaywrightException e) {
                // A link or a sign-in replaced the page while we asked; ask the new one.
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("context was destroyed")) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
