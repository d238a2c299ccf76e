package io.reroute.portalui.link;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import io.reroute.landingpage.LandingContent;
import io.reroute.landingpage.LandingPage;
import io.reroute.portalui.host.Brand;
import io.reroute.portalui.host.Brands;
import io.reroute.portalui.host.CurrentHost;
import io.reroute.portalui.platform.ApiProblem;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.platform.PlatformUnavailableException;
import io.reroute.portalui.session.FormTokens;
import io.reroute.portalui.session.Sessions;
import io.reroute.portalui.ui.BrandCard;
import io.reroute.portalui.ui.Landings;
import io.reroute.portalui.ui.PortalView;
import io.reroute.portalui.ui.ServerPage;
import io.reroute.portalui.ui.Styles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages a subscriber without an open session sees, as finished HTML with plain forms: the
 * reminder host's front page (ask for a new link, or sign in with a mailed code), a rejected link and
 * an ended session, each with the way to a new link. Every form posts here and comes back to its page
 * (post, redirect, get), with what happened in a {@link FormNotice}.
 */
@Controller
class SignInController {

    static final String OPEN_YOUR_LINK = "Open the link in your latest reminder to see what you owe and pay.";
    static final String SESSION_ENDED = "Your session ended";

    /** The platform's reasons are upper-case words; anything else reads as a malformed link. */
    static final Pattern REASON = Pattern.compile("[A-Z_]{1,40}");
    /** Where a form may send the browser back to: its own pages, never an address it was given. */
    private static final Pattern BACK = Pattern.compile("/(link-problem/[A-Z_]{1,40}|session-ended)?");
    /** The account a code was last asked for in this browser session. */
    private static final String CODE_ACCOUNT = SignInController.class.getName() + ".codeAccount";

    private final PlatformApi api;
    private final Brands brands;

    SignInController(PlatformApi api, Brands brands) {
        this.api = api;
        this.brands = brands;
    }

    /**
     * The reminder host's front page (at {@code /}, through {@link FrontPageFilter}); a subscriber
     * whose session is open goes on to their account.
     */
    @GetMapping(FrontPageFilter.FRONT_PAGE)
    ResponseEntity<String> home(HttpServletRequest request) {
        Optional<String> host = CurrentHost.of(request);
        if (Sessions.find(request).isPresent()) {
            return ServerPage.seeOther("/account");
        }
        Optional<Brand> brand = host.flatMap(brands::of);
        if (brand.isEmpty()) {
            return page(HttpStatus.OK, "Service portal", "unknown-host-view", List.of(new UnknownHost()));
        }
        String token = FormTokens.of(request);
        Optional<FormNotice> notice = FormNotice.take(request);
        var page = new LandingPage(new LandingContent(
                brand.get().branding(), OPEN_YOUR_LINK, null, brand.get().currency(), List.of(), null));
        Landings.removePayButton(page);
        Landings.addAboveNote(
                page,
                new RequestLinkForm(brand, token, "/", notice),
                new CodeSignInForm(brand, token, codeAccount(request), notice));
        List<Component> content = new ArrayList<>();
        Landings.providerName(brand.get()).ifPresent(content::add);
        content.add(page);
        return page(HttpStatus.OK, PortalView.title(brand.get().displayName(), brand), "home", content);
    }

    /** Where {@link LinkController} sends a rejected link, with the platform's reason. */
    @GetMapping("/link-problem/{reason}")
    ResponseEntity<String> linkProblem(@PathVariable String reason, HttpServletRequest request) {
        String shown = REASON.matcher(reason).matches() ? reason : "MALFORMED";
        Optional<String> host = CurrentHost.of(request);
        Optional<Brand> brand = host.flatMap(brands::of);
        var message = LinkRejection.of(shown);
        var card = new BrandCard(brand);
        card.setId("link-problem");
        card.getElement().setAttribute("data-reason", shown);
        card.heading(message.headline());
        card.add(new Paragraph(message.explanation()));
        // An older link does not end the session this browser already has (back button, old mail).
        if (Sessions.find(request).isPresent()) {
            var account = Styles.primaryButton(new Anchor("account", "Go to your account"), brand);
            account.setId("to-account");
            card.add(account);
        } else if (brand.isPresent()) {
            // A host no workspace uses has nobody to send a link.
            card.add(new RequestLinkForm(
                    brand, FormTokens.of(request), "/link-problem/" + shown, FormNotice.take(request)));
        }
        return page(HttpStatus.OK, PortalView.title(message.headline(), brand), "link-problem-page", List.of(card));
    }

    /** Where a page goes when the session is over (expired, signed out, or never on this host). */
    @GetMapping(ServerPage.SESSION_ENDED_PAGE)
    ResponseEntity<String> sessionEnded(HttpServletRequest request) {
        Sessions.forget(request);
        Optional<Brand> brand = CurrentHost.of(request).flatMap(brands::of);
        var card = new BrandCard(brand);
        card.setId("session-ended");
        card.heading(SESSION_ENDED);
        card.add(new Paragraph("Open the link in your latest reminder again, or request a new one."));
        if (brand.isPresent()) {
            card.add(new RequestLinkForm(
                    brand, FormTokens.of(request), ServerPage.SESSION_ENDED_PAGE, FormNotice.take(request)));
        }
        return page(HttpStatus.OK, PortalView.title(SESSION_ENDED, brand), "session-ended-page", List.of(card));
    }

    /** "Send me a new link": always the same answer, whether the account exists or not. */
    @PostMapping("/" + RequestLinkForm.ACTION)
    ResponseEntity<String> requestLink(
            @RequestParam(name = "account-number", defaultValue = "") String accountNumber,
            @RequestParam(defaultValue = "/") String back,
            @RequestParam(name = FormTokens.FIELD, defaultValue = "") String formToken,
            HttpServletRequest request) {
        String page = BACK.matcher(back).matches() ? back : "/";
        FormNotice.leave(
                request,
                askForAccount(
                        request,
                        formToken,
                        accountNumber,
                        FormNotice.REQUEST_LINK,
                        "/internal/portal/link-requests",
                        RequestLinkForm.SENT));
        return ServerPage.seeOther(page);
    }

    /** "Email me a code": the code goes to the address on file; the page then asks for it. */
    @PostMapping("/" + CodeSignInForm.SEND_ACTION)
    ResponseEntity<String> sendCode(
            @RequestParam(name = "account-number", defaultValue = "") String accountNumber,
            @RequestParam(name = FormTokens.FIELD, defaultValue = "") String formToken,
            HttpServletRequest request) {
        FormNotice notice = askForAccount(
                request, formToken, accountNumber, FormNotice.CODE, "/internal/portal/codes", CodeSignInForm.CODE_SENT);
        if (!notice.error()) {
            request.getSession()
                    .setAttribute(CODE_ACCOUNT, accountNumber(accountNumber).orElseThrow());
        }
        FormNotice.leave(request, notice);
        return ServerPage.seeOther("/");
    }

    /** The mailed code opens the session, under a new HTTP session id, and the account follows. */
    @PostMapping("/" + CodeSignInForm.SIGN_IN_ACTION)
    ResponseEntity<String> signIn(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(name = FormTokens.FIELD, defaultValue = "") String formToken,
            HttpServletRequest request) {
        Optional<String> host = CurrentHost.of(request);
        Optional<String> number = codeAccount(request);
        String entered = code.strip();
        if (host.isEmpty() || !FormTokens.valid(request, formToken)) {
            FormNotice.leave(request, error(FormNotice.CODE, FormNotice.EXPIRED_FORM));
            return ServerPage.seeOther("/");
        }
        if (number.isEmpty() || entered.isEmpty() || entered.length() > CodeSignInForm.MAX_CODE_LENGTH) {
            FormNotice.leave(request, error(FormNotice.CODE, CodeSignInForm.CODE_REFUSED));
            return ServerPage.seeOther("/");
        }
        try {
            LinkController.SessionOpened opened = api.post("/internal/portal/sessions/code")
                    .body(Map.of("host", host.get(), "accountNumber", number.get(), "code", entered))
                    .as(LinkController.SessionOpened.class);
            request.getSession().removeAttribute(CODE_ACCOUNT);
            Sessions.open(request, host.get(), opened.session());
            return ServerPage.seeOther("/account");
        } catch (ApiProblem refused) {
            FormNotice.leave(request, error(FormNotice.CODE, CodeSignInForm.CODE_REFUSED));
        } catch (PlatformUnavailableException unavailable) {
            FormNotice.leave(request, error(FormNotice.CODE, FormNotice.UNAVAILABLE));
        }
        return ServerPage.seeOther("/");
    }

    /**
     * A form's request for the account typed on this host (a new link, a code) passed on to the
     * platform at {@code path}; what the page should say about it.
     */
    private FormNotice askForAccount(
            HttpServletRequest request, String formToken, String typed, String form, String path, String done) {
        Optional<String> host = CurrentHost.of(request);
        Optional<String> number = accountNumber(typed);
        if (host.isEmpty() || !FormTokens.valid(request, formToken)) {
            return error(form, FormNotice.EXPIRED_FORM);
        }
        if (number.isEmpty()) {
            return error(form, FormNotice.ENTER_ACCOUNT);
        }
        try {
            api.post(path)
                    .body(Map.of("host", host.get(), "accountNumber", number.get()))
                    .send();
            return new FormNotice(form, done, false);
        } catch (ApiProblem refused) {
            return error(form, FormNotice.ENTER_ACCOUNT);
        } catch (PlatformUnavailableException unavailable) {
            return error(form, FormNotice.UNAVAILABLE);
        }
    }

    private static FormNotice error(String form, String message) {
        return new FormNotice(form, message, true);
    }

    private static Optional<String> accountNumber(String typed) {
        String number = typed.strip();
        return number.isEmpty() || number.length() > RequestLinkForm.MAX_LENGTH
                ? Optional.empty()
                : Optional.of(number);
    }

    private static Optional<String> codeAccount(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(CODE_ACCOUNT) instanceof String number
                ? Optional.of(number)
                : Optional.empty();
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String id, List<Component> content) {
        return ServerPage.response(status, ServerPage.html(title, id, content, null));
    }
}
