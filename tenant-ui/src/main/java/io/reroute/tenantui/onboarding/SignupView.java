package io.reroute.tenantui.onboarding;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformApi;
import io.reroute.tenantui.security.StaffSessions;
import io.reroute.tenantui.security.StaffSignIn;
import io.reroute.tenantui.ui.FormErrors;
import io.reroute.tenantui.ui.Notifications;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpMethod;

/**
 * A new ISP opens its workspace: the platform creates it with its owner and signs the owner in, and
 * the setup wizard takes over. The operator can switch self-service sign-up off (404).
 */
@Route(value = "signup", autoLayout = false)
@PageTitle("Create your workspace · Reroute")
@AnonymousAllowed
public class SignupView extends VerticalLayout {

    private final PlatformApi api;
    private final StaffSignIn signIn;
    private final TextField ispName = new TextField("ISP name");
    private final TextField slug = new TextField("Workspace id");
    private final ComboBox<String> currency = new ComboBox<>("Billing currency");
    private final TextField ownerName = new TextField("Your name");
    private final EmailField ownerEmail = new EmailField("Your email");
    private final PasswordField password = new PasswordField("Password");
    private final PasswordField passwordAgain = new PasswordField("Password again");
    /** Whether the slug still follows the ISP name, until the user types one of their own. */
    private boolean slugSuggested = true;

    SignupView(PlatformApi api, StaffSignIn signIn) {
        this.api = api;
        this.signIn = signIn;
        setId("signup");
        setAlignItems(Alignment.CENTER);
        setPadding(true);

        ispName.setId("signup-isp-name");
        ispName.setMaxLength(200);
        ispName.setRequiredIndicatorVisible(true);
        ispName.setValueChangeMode(ValueChangeMode.EAGER);
        ispName.addValueChangeListener(e -> {
            if (slugSuggested) {
                slug.setValue(Slugs.suggest(e.getValue()));
            }
        });
        slug.setId("signup-slug");
        slug.setMaxLength(Slugs.MAX_LENGTH);
        slug.setHelperText("Lowercase letters, digits and hyphens, 3 to 40; cannot be changed later.");
        slug.setRequiredIndicatorVisible(true);
        slug.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                slugSuggested = e.getValue().isBlank();
            }
        });
        currency.setId("signup-currency");
        currency.setItems(Currency.getAvailableCurrencies().stream()
                .map(Currency::getCurrencyCode)
                .sorted()
                .toList());
        currency.setValue("EUR");
        currency.setHelperText("Plans and invoices are in this currency; it cannot be changed later.");
        currency.setRequiredIndicatorVisible(true);
        ownerName.setId("signup-owner-name");
        ownerName.setMaxLength(200);
        ownerName.setRequiredIndicatorVisible(true);
        ownerEmail.setId("signup-email");
        ownerEmail.setRequiredIndicatorVisible(true);
        password.setId("signup-password");
        password.setHelperText("12 to 128 characters.");
        password.setRequiredIndicatorVisible(true);
        passwordAgain.setId("signup-password-again");
        passwordAgain.setRequiredIndicatorVisible(true);

        var form = new FormLayout(ispName, slug, currency, ownerName, ownerEmail, password, passwordAgain);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.setColspan(ispName, 2);
        form.setMaxWidth("40rem");

        var submit = new Button("Create workspace", e -> {
            try {
                submit();
            } finally {
                // Disabled on click so a double click cannot open two workspaces; usable again for corrections.
                e.getSource().setEnabled(true);
            }
        });
        submit.setId("signup-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.setDisableOnClick(true);

        var signInLink = new Anchor("login", "Already have a workspace? Sign in");
        signInLink.setId("signup-sign-in-link");
        add(
                new H1("Create your workspace"),
                new Paragraph("Open a Reroute workspace for your ISP. You become its owner and the setup wizard"
                        + " guides you through branding, reminder host, allowlist and your routers."),
                form,
                submit,
                signInLink);
    }

    private void submit() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("ispName", ispName);
        fields.put("slug", slug);
        fields.put("currency", currency);
        fields.put("ownerName", ownerName);
        fields.put("ownerEmail", ownerEmail);
        fields.put("password", password);
        FormErrors.clear(fields);
        passwordAgain.setInvalid(false);
        if (!password.getValue().equals(passwordAgain.getValue())) {
            passwordAgain.setErrorMessage("Does not match the password.");
            passwordAgain.setInvalid(true);
            return;
        }
        StaffSignIn.SignedIn answer;
        try {
            answer = api.anonymous(HttpMethod.POST, "/api/v1/onboarding")
                    .body(new NewWorkspace(
                            ispName.getValue().strip(),
                            slug.getValue().strip(),
                            currency.getValue(),
                            ownerName.getValue().strip(),
                            ownerEmail.getValue().strip(),
                            password.getValue()))
                    .as(StaffSignIn.SignedIn.class);
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                Notifications.error(
                        "Self-service sign-up is switched off here. Ask your Reroute operator for a" + " workspace.");
            } else if (problem.status() == 429) {
                Notifications.error(problem.getMessage());
            } else {
                FormErrors.show(problem, fields);
            }
            return;
        }
        StaffSessions.signIn(signIn.authenticated(answer));
        // A full page load, so that everything from here on runs in the new signed-in session.
        getUI().ifPresent(ui -> ui.getPage().setLocation("onboarding"));
    }

    /** The body of {@code POST /api/v1/onboarding}. */
    record NewWorkspace(
            String ispName, String slug, String currency, String ownerName, String ownerEmail, String password) {

        @Override
        public String toString() {
            return "NewWorkspace[ispName=" + ispName + ", slug=" + slug + ", ownerEmail=" + ownerEmail
                    + ", password=<hidden>]";
        }
    }
}
