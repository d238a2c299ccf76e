package io.reroute.portalui.link;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import io.reroute.portalui.host.Brand;
import io.reroute.portalui.platform.ApiProblem;
import io.reroute.portalui.platform.PlatformApi;
import io.reroute.portalui.platform.PlatformUnavailableException;
import io.reroute.portalui.ui.Styles;
import java.util.Map;
import java.util.Optional;

/**
 * "Send me a new link": the platform mails a fresh link to the address on file for the account. The
 * answer is the same whether the account exists or not, so the page never tells a visitor which
 * account numbers are real.
 */
public class RequestLinkForm extends Div {

    static final String SENT =
            "If this account has an email address on file, a new link is on its way. It can take a few minutes.";
    private static final int MAX_LENGTH = 64;

    private final PlatformApi api;
    private final String host;
    private final Input account = new Input();
    private final NativeButton submit = new NativeButton("Send me a new link");
    private final Paragraph sent = new Paragraph(SENT);
    private final Paragraph error = new Paragraph();

    public RequestLinkForm(PlatformApi api, String host, Optional<Brand> brand) {
        this.api = api;
        this.host = host;
        setId("request-link-form");
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");

        var intro = new Paragraph("Need a new link? Enter your account number and we will email one to you.");
        intro.getStyle().set("margin", "0").set("font-weight", "600");

        account.setId("request-link-account");
        account.getElement().setAttribute("name", "account-number");
        account.getElement().setAttribute("autocomplete", "off");
        account.getElement().setAttribute("maxlength", Integer.toString(MAX_LENGTH));
        Styles.input(account);
        // Enter sends too; the value travels with the key press.
        account.getElement()
                .addEventListener("keydown", event -> send())
                .setFilter("event.key === 'Enter'")
                .synchronizeProperty("value");
        var label = new NativeLabel("Account number");
        label.setFor(account);
        label.getStyle().set("font-size", "var(--lumo-font-size-s)");

        submit.setId("request-link-submit");
        Styles.primaryButton(submit, brand);
        submit.addClickListener(click -> send());

        sent.setId("link-request-sent");
        sent.getElement().setAttribute("role", "status");
        sent.setVisible(false);
        sent.getStyle().set("margin", "0").set("color", "var(--lumo-success-text-color)");
        error.setId("link-request-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        Styles.error(error);

        add(intro, label, account, error, submit, sent);
    }

    private void send() {
        String number = account.getValue() == null ? "" : account.getValue().strip();
        sent.setVisible(false);
        if (number.isEmpty() || number.length() > MAX_LENGTH) {
            fail("Enter the account number from your invoice or reminder.");
            return;
        }
        try {
            api.post("/internal/portal/link-requests")
                    .body(Map.of("host", host, "accountNumber", number))
                    .send();
            error.setVisible(false);
            sent.setVisible(true);
        } catch (ApiProblem e) {
            fail("Enter the account number from your invoice or reminder.");
        } catch (PlatformUnavailableException e) {
            fail("We could not send it right now. Please try again in a moment.");
        }
    }

    private void fail(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
