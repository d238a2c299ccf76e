package io.reroute.portalui.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.reroute.portalui.platform.ApiProblem;
import io.reroute.portalui.platform.PlatformUnavailableException;
import io.reroute.portalui.platform.SessionEndedException;
import io.reroute.portalui.session.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens to a failure outside navigation (a poll, a click): an ended session leads to the
 * page that explains it, a problem the platform answered is shown as a message, anything else is
 * logged and shown as a generic failure. Failures while opening a page go to the error views.
 */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(this::handle));
    }

    private void handle(ErrorEvent event) {
        Throwable cause = event.getThrowable();
        while (cause != null
                && !(cause instanceof ApiProblem
                        || cause instanceof SessionEndedException
                        || cause instanceof PlatformUnavailableException)
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        UI ui = UI.getCurrent();
        if (ui == null) {
            log.warn("portal error outside a UI", event.getThrowable());
            return;
        }
        if (cause instanceof SessionEndedException) {
            Sessions.forget();
            ui.setPollInterval(-1);
            // A server-rendered page: the browser loads it, not Vaadin's router.
            ui.getPage().setLocation(ServerPage.SESSION_ENDED_PAGE);
        } else if (cause instanceof ApiProblem || cause instanceof PlatformUnavailableException) {
            Messages.error(ui, Formats.sentence(cause.getMessage()));
        } else {
            log.error("unexpected portal error", event.getThrowable());
            Messages.error(ui, "Something went wrong. Please try again.");
        }
    }
}
