package io.reroute.tenantui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.reroute.tenantui.platform.ApiProblem;
import io.reroute.tenantui.platform.PlatformUnavailableException;
import io.reroute.tenantui.platform.SessionExpiredException;
import io.reroute.tenantui.ui.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens to a failure no view handled: a problem the platform answered is shown as a message,
 * an ended session goes back to sign-in, anything else is logged and shown as a generic failure.
 */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private final AuthenticationContext authentication;

    ErrorHandling(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(this::handle));
    }

    private void handle(ErrorEvent event) {
        Throwable cause = event.getThrowable();
        while (cause != null
                && !(cause instanceof ApiProblem
                        || cause instanceof SessionExpiredException
                        || cause instanceof PlatformUnavailableException)
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        UI ui = UI.getCurrent();
        if (ui == null) {
            log.warn("UI error outside a UI", event.getThrowable());
            return;
        }
        if (cause instanceof SessionExpiredException) {
            authentication.logout();
        } else if (cause instanceof ApiProblem || cause instanceof PlatformUnavailableException) {
            Notifications.error(cause.getMessage());
        } else {
            log.error("unexpected UI error", event.getThrowable());
            Notifications.error("Something went wrong. Please try again.");
        }
    }
}
