package io.reroute.portalui.link;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import io.reroute.portalui.host.Brand;
import io.reroute.portalui.ui.PostForm;
import io.reroute.portalui.ui.Styles;
import java.util.Optional;

/**
 * "Send me a new link": the platform mails a fresh link to the address on file for the account
 * ({@link SignInController#requestLink}). The answer is the same whether the account exists or not,
 * so the page never tells a visitor which account numbers are real.
 */
public class RequestLinkForm extends Div {

    static final String ACTION = "link-requests";
    static final String SENT =
            "If this account has an email address on file, a new link is on its way. It can take a few minutes.";
    static final int MAX_LENGTH = 64;

    /**
     * @param back the page the post returns to
     * @param notice what this page's last post said, if anything
     */
    public RequestLinkForm(Optional<Brand> brand, String formToken, String back, Optional<FormNotice> notice) {
        setId("request-link-form");
        var form = new PostForm(ACTION, formToken).hidden("back", back);

        var intro = new Paragraph("Need a new link? Enter your account number and we will email one to you.");
        intro.getStyle().set("margin", "0").set("font-weight", "600");
        var account = accountNumberInput("request-link-account");
        form.add(intro, label("Account number", account), account);

        var said = notice.filter(n -> n.about(FormNotice.REQUEST_LINK));
        said.filter(FormNotice::error).ifPresent(error -> form.add(error("link-request-error", error.message())));
        var submit = Styles.primaryButton(new NativeButton("Send me a new link"), brand);
        submit.setId("request-link-submit");
        submit.getElement().setAttribute("type", "submit");
        form.add(submit);
        said.filter(n -> !n.error()).ifPresent(sent -> form.add(status("link-request-sent", sent.message())));
        add(form);
    }

    static Input accountNumberInput(String id) {
        var account = new Input();
        account.setId(id);
        account.getElement()
                .setAttribute("name", "account-number")
                .setAttribute("autocomplete", "off")
                .setAttribute("required", true)
                .setAttribute("maxlength", Integer.toString(MAX_LENGTH));
        return Styles.input(account);
    }

    static NativeLabel label(String text, Input input) {
        var label = new NativeLabel(text);
        label.setFor(input);
        label.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return label;
    }

    static Paragraph error(String id, String message) {
        var error = Styles.error(new Paragraph(message));
        error.setId(id);
        error.getElement().setAttribute("role", "alert");
        return error;
    }

    static Paragraph status(String id, String message) {
        var status = new Paragraph(message);
        status.setId(id);
        status.getElement().setAttribute("role", "status");
        status.getStyle().set("margin", "0").set("color", "var(--lumo-success-text-color)");
        return status;
    }
}
