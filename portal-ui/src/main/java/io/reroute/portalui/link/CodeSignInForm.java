package io.reroute.portalui.link;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinServletRequest;
import io.reroute.portalui.host.Brand;
import io.reroute.portalui.platform.ApiProblem;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.platform.PlatformUnavailableException;
import io.reroute.portalui.session.Sessions;
import io.reroute.portalui.ui.Styles;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in without a link: the account number, then the one-time code the platform mails to the
 * address on file. Whether the account exists is never said; a wrong or old code only says to ask
 * for a new one.
 */
public class CodeSignInForm extends Div {

    static final String CODE_SENT =
            "If this account has an email address on file, a 6-digit code is on its way. It works for 10 minutes.";
    static final String CODE_REFUSED = "That code is not right, or it has expired. Ask for a new one.";
    private static final String ENTER_ACCOUNT = "Enter the account number from your invoice or reminder.";
    private static final String UNAVAILABLE = "We could not do that right now. Please try again in a moment.";
    private static final int MAX_LENGTH = 64;

    private final PlatformApi api;
    private final String host;
    private final Input account = new Input();
    private final Input code = new Input();
    private final NativeButton send = new NativeButton("Email me a code");
    private final NativeButton signIn = new NativeButton("Sign in");
    private final Div codeStep = new Div();
    private final Paragraph sent = new Paragraph(CODE_SENT);
    private final Paragraph error = new Paragraph();

    public CodeSignInForm(PlatformApi api, String host, Optional<Brand> brand) {
        this.api = api;
        this.host = host;
        setId("code-sign-in-form");
        column(this);

        var intro = new Paragraph("Or sign in with your account number and a code we email you.");
        intro.getStyle().set("margin", "0").set("font-weight", "600");

        field(account, "code-account", "account-number", MAX_LENGTH);
        submitOnEnter(account, this::sendCode);
        var accountLabel = new NativeLabel("Account number");
        accountLabel.setFor(account);
        send.setId("code-send");
        Styles.secondaryButton(send);
        send.addClickListener(click -> sendCode());

        field(code, "code-value", "one-time-code", 12);
        code.getElement().setAttribute("inputmode", "numeric");
        submitOnEnter(code, this::signIn);
        var codeLabel = new NativeLabel("Code from the email");
        codeLabel.setFor(code);
        signIn.setId("code-submit");
        Styles.primaryButton(signIn, brand);
        signIn.addClickListener(click -> signIn());
        sent.setId("code-sent");
        sent.getElement().setAttribute("role", "status");
        sent.getStyle().set("margin", "0").set("color", "var(--lumo-success-text-color)");
        column(codeStep);
        codeStep.add(sent, codeLabel, code, signIn);
        codeStep.setVisible(false);

        error.setId("code-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        Styles.error(error);

        add(intro, accountLabel, account, send, codeStep, error);
    }

    private void sendCode() {
        String number = accountNumber();
        if (number.isEmpty() || number.length() > MAX_LENGTH) {
            fail(ENTER_ACCOUNT);
            return;
        }
        try {
            api.post("/internal/portal/codes")
                    .body(Map.of("host", host, "accountNumber", number))
                    .send();
            error.setVisible(false);
            codeStep.setVisible(true);
            code.focus();
        } catch (ApiProblem e) {
            fail(ENTER_ACCOUNT);
        } catch (PlatformUnavailableException e) {
            fail(UNAVAILABLE);
        }
    }

    private void signIn() {
        String entered = code.getValue() == null ? "" : code.getValue().strip();
        if (entered.isEmpty()) {
            fail(CODE_REFUSED);
            return;
        }
        try {
            LinkController.SessionOpened opened = api.post("/internal/portal/sessions/code")
                    .body(Map.of("host", host, "accountNumber", accountNumber(), "code", entered))
                    .as(LinkController.SessionOpened.class);
            Sessions.open(VaadinServletRequest.getCurrent().getHttpServletRequest(), host, opened.session());
            // The account is a server-rendered page, not a view: the browser loads it.
            UI.getCurrent().getPage().setLocation("account");
        } catch (ApiProblem e) {
            code.setValue("");
            fail(CODE_REFUSED);
        } catch (PlatformUnavailableException e) {
            fail(UNAVAILABLE);
        }
    }

    private String accountNumber() {
        return account.getValue() == null ? "" : account.getValue().strip();
    }

    private void fail(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private static void field(Input input, String id, String name, int maxLength) {
        input.setId(id);
        input.getElement().setAttribute("name", name);
        input.getElement().setAttribute("autocomplete", "one-time-code".equals(name) ? name : "off");
        input.getElement().setAttribute("maxlength", Integer.toString(maxLength));
        Styles.input(input);
    }

    /** Enter submits too; the value travels with the key press. */
    private static void submitOnEnter(Input input, Runnable action) {
        input.getElement()
                .addEventListener("keydown", event -> action.run())
                .setFilter("event.key === 'Enter'")
                .synchronizeProperty("value");
    }

    private static void column(Div div) {
        div.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
    }
}
