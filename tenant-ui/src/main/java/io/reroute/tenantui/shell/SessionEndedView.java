package io.reroute.tenantui.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.reroute.tenantui.platform.SessionExpiredException;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** The platform session ended (expired, revoked, account disabled): sign out here too, back to sign-in. */
@PermitAll
public class SessionEndedView extends Div implements HasErrorParameter<SessionExpiredException> {

    private final AuthenticationContext authentication;

    SessionEndedView(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<SessionExpiredException> parameter) {
        authentication.logout();
        return HttpServletResponse.SC_UNAUTHORIZED;
    }
}
