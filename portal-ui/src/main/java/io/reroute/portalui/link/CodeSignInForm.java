package io.reroute.portalui.link;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import io.reroute.portalui.host.Brand;
import io.reroute.portalui.ui.PostForm;
import io.reroute.portalui.ui.Styles;
import java.util.Optional;

/**
 * Signing in without a link: the account number, then the one-time code the platform mails to the
 * address on file ({@link SignInController}). Whether the account exists is never said; a wrong or
 * old code only says to ask for a new one.
 */
public class CodeSignInForm extends Div {

    static final String SEND_ACTION = "codes";
    static final String SIGN_IN_ACTION = "sessions/code";
    static final String CODE_SENT =
            "If this account has an email address on file, a 6-digit code is on its way. It works for 10 minutes.";
    static final String CODE_REFUSED = "That code is not right, or it has expired. Ask for a new one.";
    static final int MAX_CODE_LENGTH = 12;

    /**
     * @param codeAccount the account a code was last asked for in this browser session: the code step shows
     * @param notice what this page's last post said, if anything
     */
    public CodeSignInForm(
            Optional<Brand> brand, String formToken, Optional<String> codeAccount, Optional<FormNotice> notice) {
        setId("code-sign-in-form");
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        var said = notice.filter(n -> n.about(FormNotice.CODE));

        var send = new PostForm(SEND_ACTION, formToken);
        var intro = new Paragraph("Or sign in with your account number and a code we email you.");
        intro.getStyle().set("margin", "0").set("font-weight", "600");
        var account = RequestLinkForm.accountNumberInput("code-account");
        codeAccount.ifPresent(number -> account.getElement().setAttribute("value", number));
        var sendButton = Styles.secondaryButton(new NativeButton("Email me a code"));
        sendButton.setId("code-send");
        sendButton.getElement().setAttribute("type", "submit");
        send.add(intro, RequestLinkForm.label("Account number", account), account, sendButton);
        add(send);

        if (codeAccount.isPresent()) {
            var signIn = new PostForm(SIGN_IN_ACTION, formToken);
            signIn.add(RequestLinkForm.status("code-sent", CODE_SENT));
            var code = new Input();
            code.setId("code-value");
            code.getElement()
                    .setAttribute("name", "code")
                    .setAttribute("inputmode", "numeric")
                    .setAttribute("autocomplete", "one-time-code")
                    .setAttribute("required", true)
                    .setAttribute("maxlength", Integer.toString(MAX_CODE_LENGTH));
            Styles.input(code);
            var submit = Styles.primaryButton(new NativeButton("Sign in"), brand);
            submit.setId("code-submit");
            submit.getElement().setAttribute("type", "submit");
            signIn.add(RequestLinkForm.label("Code from the email", code), code, submit);
            add(signIn);
        }
        said.filter(FormNotice::error).ifPresent(error -> add(RequestLinkForm.error("code-error", error.message())));
    }
}
