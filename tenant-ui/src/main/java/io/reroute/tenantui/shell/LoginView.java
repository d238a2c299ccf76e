package io.reroute.tenantui.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Staff sign-in: email and password checked by the platform, one button per identity provider this
 * deployment is configured with, and the way to open a new workspace.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Reroute")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    LoginView(ObjectProvider<ClientRegistrationRepository> identityProviders) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setUsername("Email");
        i18n.getForm().setTitle("Sign in");
        i18n.getErrorMessage().setTitle("Not signed in");
        i18n.getErrorMessage()
                .setMessage("Check your email and password. After repeated failures, sign-in pauses for a while.");
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setId("login-form");

        add(new H1("Reroute admin"), form);
        for (ClientRegistration provider : providers(identityProviders)) {
            var link = new Anchor(
                    "oauth2/authorization/" + provider.getRegistrationId(), "Sign in with " + provider.getClientName());
            link.setRouterIgnore(true);
            link.setId("sign-in-" + provider.getRegistrationId());
            add(link);
        }
        var signUp = new Anchor("signup", "New ISP? Create your workspace");
        signUp.setId("sign-up-link");
        add(new Div(signUp));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("error")) {
            form.setError(true);
        }
        if (parameters.containsKey("error") && List.of("oidc").equals(parameters.get("error"))) {
            add(new Paragraph("Your identity provider signed you in, but you are not staff of a workspace here."));
        }
    }

    private static List<ClientRegistration> providers(ObjectProvider<ClientRegistrationRepository> repository) {
        List<ClientRegistration> providers = new ArrayList<>();
        if (repository.getIfAvailable() instanceof Iterable<?> registrations) {
            registrations.forEach(registration -> providers.add((ClientRegistration) registration));
        }
        return providers;
    }
}
