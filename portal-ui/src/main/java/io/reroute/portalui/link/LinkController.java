package io.reroute.portalui.link;

import io.reroute.portalui.host.CurrentHost;
import io.reroute.portalui.platform.ApiProblem;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.session.Sessions;
import io.reroute.portalui.ui.ServerPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where a reminder or the captive redirect sends the subscriber. The signed token opens a session at
 * the platform, kept server-side, and a redirect moves the browser on to the account, so the token
 * leaves the address bar and the history. A plain controller, not a Vaadin view: the subscriber's
 * first page loads without Vaadin's client. A rejected link goes to the page saying why
 * ({@link SignInController#linkProblem}), with the way to a new one.
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

    private final PlatformApi api;

    LinkController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/link/{token}")
    ResponseEntity<Void> open(@PathVariable String token, HttpServletRequest request) {
        Optional<String> host = CurrentHost.of(request);
        if (host.isEmpty()) {
            return ServerPage.seeOther("/link-problem/UNKNOWN_HOST");
        }
        try {
            SessionOpened opened = api.post("/internal/portal/sessions")
                    .body(Map.of("host", host.get(), "token", token))
                    .as(SessionOpened.class);
            Sessions.open(request, host.get(), opened.session());
            return ServerPage.seeOther("/account");
        } catch (ApiProblem problem) {
            if (problem.is(ApiProblem.LINK_REJECTED)) {
                String reason = problem.reason();
                return ServerPage.seeOther("/link-problem/"
                        + (reason != null
                                        && SignInController.REASON
                                                .matcher(reason)
                                                .matches()
                                ? reason
                                : "MALFORMED"));
            }
            if (problem.status() == 400) {
                // Too long or empty to even check: as good as malformed.
                return ServerPage.seeOther("/link-problem/MALFORMED");
            }
            throw problem;
        }
    }
}
