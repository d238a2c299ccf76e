package io.reroute.tenantui.security;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Signs a staff member in from inside the UI, as after opening a new workspace. */
public final class StaffSessions {

    private StaffSessions() {}

    public static void signIn(Authentication staff) {
        var request = VaadinServletRequest.getCurrent();
        var response = VaadinServletResponse.getCurrent();
        // A new session id, so that an id planted before sign-in is worth nothing after it.
        VaadinService.reinitializeSession(request);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(staff);
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository()
                .saveContext(context, request.getHttpServletRequest(), response.getHttpServletResponse());
    }
}
