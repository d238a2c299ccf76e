package io.reroute.portalui.link;

import io.reroute.portalui.host.CurrentHost;
import io.reroute.portalui.platform.ApiProblem;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.session.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where a reminder or the captive redirect sends the subscriber. The signed token opens a session at
 * the platform, kept server-side, and a redirect moves the browser on to the account, so the token
 * leaves the address bar and the history. A plain controller, not a Vaadin view: the subscriber's
 * first page loads without Vaadin's client. A rejected link goes to the page saying why
 * ({@link LinkProblemView}), with the way to a new one.
 */
@Controller
class LinkController {

    /** What the platform answers for an opened session. */
    record SessionOpened(String session, String expiresAt, String purpose) {

        @Override
        public String toString() {
            return "SessionOpened[expiresAt=" + expiresAt + ", purpose=" + purpose + ", session=<hidden>]";
        }
    }

    /** The platform's reasons are upper-case words; anything else is not put into a URL. */
    private static final Pattern REASON = Pattern.compile("[A-Z_]{1,40}");

    private final PlatformApi api;

    LinkController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/link/{token}")
    ResponseEntity<Void> open(@PathVariable String token, HttpServletRequest request) {
        Optional<String> host = CurrentHost.of(request);
        if (host.isEmpty()) {
            return seeOther(LinkProblemView.path("UNKNOWN_HOST"));
        }
        try {
            SessionOpened opened = api.post("/internal/portal/sessions")
                    .body(Map.of("host", host.get(), "token", token))
                    .as(SessionOpened.class);
            Sessions.open(request, host.get(), opened.session());
            return seeOther("/account");
        } catch (ApiProblem problem) {
            if (problem.is(ApiProblem.LINK_REJECTED)) {
                String reason = problem.reason();
                return seeOther(LinkProblemView.path(
                        reason != null && REASON.matcher(reason).matches() ? reason : "MALFORMED"));
            }
            if (problem.status() == 400) {
                // Too long or empty to even check: as good as malformed.
                return seeOther(LinkProblemView.path("MALFORMED"));
            }
            throw problem;
        }
    }

    private static ResponseEntity<Void> seeOther(String path) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(path))
                .cacheControl(CacheControl.noStore())
                .build();
    }
}
