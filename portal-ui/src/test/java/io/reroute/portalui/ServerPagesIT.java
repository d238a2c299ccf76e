package io.reroute.portalui;

import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.portalui.support.StandInPlatform;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server-rendered pages as a browser on two workspaces' hosts meets them (the host arrives as
 * X-Forwarded-Host, as behind the ingress), against a stand-in for the platform's portal API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServerPagesIT {

    private static final StandInPlatform platform = new StandInPlatform();
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"form-token\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    /** One browser: its cookies go with every request, whichever host it names. */
    private final HttpClient browser =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("reroute.platform.url", platform::url);
        registry.add("reroute.platform.portal-secret", () -> "portal-secret");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aLinkOpensTheAccountOnItsOwnHostOnlyAndTheTokenLeavesTheAddress() throws Exception {
        var opened = get(StandInPlatform.HOST_A, "/link/" + StandInPlatform.LINK_TOKEN);
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location")).hasValue("/account");

        var account = get(StandInPlatform.HOST_A, "/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(account.body())
                .contains("ISP A", "INV-A", "19.90 EUR", "data-state=\"BLOCKED\"")
                .doesNotContain("ISP B", StandInPlatform.LINK_TOKEN, "session-a", "VAADIN");

        // The same browser on another workspace's host: the session is not there.
        var foreign = get(StandInPlatform.HOST_B, "/account");
        assertThat(foreign.statusCode()).isEqualTo(303);
        assertThat(foreign.headers().firstValue("Location")).hasValue("/session-ended");
        assertThat(get(StandInPlatform.HOST_B, "/account/state").statusCode()).isEqualTo(401);
        assertThat(platform.calls("/internal/portal/account"))
                .allSatisfy(call -> assertThat(call.host()).isEqualTo(StandInPlatform.HOST_A));

        // A's link on B's host is refused, under B's brand only.
        var refused = get(StandInPlatform.HOST_B, "/link/" + StandInPlatform.LINK_TOKEN);
        assertThat(refused.headers().firstValue("Location")).hasValue("/link-problem/FOREIGN_HOST");
        var problem = get(StandInPlatform.HOST_B, "/link-problem/FOREIGN_HOST");
        assertThat(problem.body())
                .contains("data-reason=\"FOREIGN_HOST\"", "ISP B")
                .doesNotContain("ISP A");
    }

    @Test
    void aFormPostedWithoutThePagesTokenChangesNothing() throws Exception {
        get(StandInPlatform.HOST_A, "/");
        int before = platform.calls("/internal/portal/link-requests").size();

        var forged = post(StandInPlatform.HOST_A, "/link-requests", "account-number=A-1&back=%2F");
        assertThat(forged.statusCode()).isEqualTo(303);
        assertThat(platform.calls("/internal/portal/link-requests")).hasSize(before);
        assertThat(get(StandInPlatform.HOST_A, "/").body()).contains("This page had expired");

        var real = post(
                StandInPlatform.HOST_A,
                "/link-requests",
                "account-number=A-1&back=%2F&form-token=" + formToken(StandInPlatform.HOST_A, "/"));
        assertThat(real.statusCode()).isEqualTo(303);
        assertThat(platform.calls("/internal/portal/link-requests")).hasSize(before + 1);
        assertThat(platform.calls("/internal/portal/link-requests").getLast().body())
                .contains("\"host\":\"" + StandInPlatform.HOST_A + "\"", "\"accountNumber\":\"A-1\"");
        assertThat(get(StandInPlatform.HOST_A, "/").body()).contains("id=\"link-request-sent\"");
    }

    @Test
    void aFormReturnsOnlyToThePortalsOwnPages() throws Exception {
        String token = formToken(StandInPlatform.HOST_A, "/session-ended");
        var elsewhere = post(
                StandInPlatform.HOST_A,
                "/link-requests",
                "account-number=A-1&back=" + URLEncoder.encode("//evil.example/", StandardCharsets.UTF_8)
                        + "&form-token=" + token);
        assertThat(elsewhere.headers().firstValue("Location")).hasValue("/");

        var own = post(
                StandInPlatform.HOST_A,
                "/link-requests",
                "account-number=A-1&back=%2Fsession-ended&form-token=" + token);
        assertThat(own.headers().firstValue("Location")).hasValue("/session-ended");
    }

    @Test
    void aCodeIsAskedForOnTheHostsWorkspaceAndTheAccountNumberIsKeptForTheNextStep() throws Exception {
        var sent = post(
                StandInPlatform.HOST_B,
                "/codes",
                "account-number=B-7&form-token=" + formToken(StandInPlatform.HOST_B, "/"));
        assertThat(sent.headers().firstValue("Location")).hasValue("/");
        assertThat(platform.calls("/internal/portal/codes").getLast().body())
                .contains("\"host\":\"" + StandInPlatform.HOST_B + "\"", "\"accountNumber\":\"B-7\"");

        var next = get(StandInPlatform.HOST_B, "/").body();
        assertThat(next).contains("id=\"code-sent\"", "id=\"code-value\"", "value=\"B-7\"");
    }

    private String formToken(String host, String page) throws Exception {
        var matcher = FORM_TOKEN.matcher(get(host, page).body());
        assertThat(matcher.find()).as("a form token on " + page).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> get(String host, String path) throws Exception {
        return browser.send(request(host, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String host, String path, String form) throws Exception {
        return browser.send(
                request(host, path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String host, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-Host", host);
    }
}
