package io.reroute.portalui.session;

import com.vaadin.flow.server.VaadinSession;
import io.reroute.portalui.platform.SessionEndedException;
import java.util.Optional;

/**
 * Where the subscriber's portal session is kept: server-side, in the HTTP session (whose cookie
 * scripts cannot read), never in a URL or a cookie of its own.
 */
public final class Sessions {

    private Sessions() {}

    public static void open(String host, String token) {
        VaadinSession.getCurrent().setAttribute(PortalSession.class, new PortalSession(host, token));
    }

    /** The session opened on this host, if any: a session is never used on another host. */
    public static Optional<PortalSession> find(String host) {
        var session = VaadinSession.getCurrent();
        PortalSession held = session == null ? null : session.getAttribute(PortalSession.class);
        return held != null && held.host().equals(host) ? Optional.of(held) : Optional.empty();
    }

    public static PortalSession require(Optional<String> host) {
        return host.flatMap(Sessions::find).orElseThrow(SessionEndedException::new);
    }

    public static void forget() {
        var session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(PortalSession.class, null);
        }
    }
}
