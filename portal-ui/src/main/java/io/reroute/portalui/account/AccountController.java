package io.reroute.portalui.account;

import io.reroute.portalui.host.Brand;
import io.reroute.portalui.host.Brands;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.platform.SessionEndedException;
import io.reroute.portalui.session.PortalSession;
import io.reroute.portalui.session.Sessions;
import io.reroute.portalui.ui.PortalView;
import io.reroute.portalui.ui.ServerPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The subscriber's account: the page a link or the captive redirect lands on, so it is sent as
 * finished HTML (a few kilobytes, no Vaadin client) to a phone on a captive network. A small script
 * asks for the state every two seconds and reloads the page the moment it moves on, which then says
 * "Service restored" when a restriction the subscriber saw has lifted.
 */
@Controller
class AccountController {

    static final String SIGN_OUT = "account/sign-out";
    static final String WATCH_SCRIPT = ServerPage.resource(AccountController.class, "account-watch.js");
    /** Set in the HTTP session once this browser showed the subscriber restricted. */
    private static final String SAW_RESTRICTION = AccountController.class.getName() + ".sawRestriction";

    private final PlatformApi api;
    private final Brands brands;

    AccountController(PlatformApi api, Brands brands) {
        this.api = api;
        this.brands = brands;
    }

    @GetMapping("/account")
    ResponseEntity<String> account(HttpServletRequest request) {
        PortalSession session = Sessions.require(request);
        Brand brand = brands.of(session.host()).orElseThrow(SessionEndedException::new);
        Account account = api.get("/internal/portal/account").session(session).as(Account.class);
        HttpSession http = request.getSession();
        boolean restored = false;
        if (account.state().restricted()) {
            http.setAttribute(SAW_RESTRICTION, Boolean.TRUE);
        } else {
            restored = http.getAttribute(SAW_RESTRICTION) != null;
        }
        return ServerPage.response(
                HttpStatus.OK,
                ServerPage.html(
                        PortalView.title("Your account", Optional.of(brand)),
                        "account",
                        AccountPage.content(account, brand, restored),
                        WATCH_SCRIPT));
    }

    /** What the page's script watches; 401 once the session is over (the page then reloads). */
    @GetMapping("/account/state")
    @ResponseBody
    ResponseEntity<AccountState> state(HttpServletRequest request) {
        Optional<PortalSession> session = Sessions.find(request);
        if (session.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        try {
            return ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .body(api.get("/internal/portal/account/state")
                            .session(session.get())
                            .as(AccountState.class));
        } catch (SessionEndedException ended) {
            Sessions.forget(request);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
    }

    @PostMapping("/" + SIGN_OUT)
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        Sessions.find(request).ifPresent(session -> {
            try {
                api.delete("/internal/portal/sessions").session(session).send();
            } catch (SessionEndedException alreadyOver) {
                // Nothing left to close.
            }
        });
        Sessions.forget(request);
        return ServerPage.seeOther("/");
    }
}
