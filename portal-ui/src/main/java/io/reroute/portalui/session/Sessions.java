package io.reroute.portalui.session;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import io.reroute.portalui.host.CurrentHost;
import io.reroute.portalui.platform.SessionEndedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Where the subscriber's portal session is kept: server-side, in the HTTP session (whose cookie
 * scripts cannot read), never in a URL or a cookie of its own. The server-rendered pages and the
 * Vaadin views read the same attribute, so a session opened by either serves both.
 */
public final class Sessions {

    private static final String ATTRIBUTE = PortalSession.class.getName();

    private Sessions() {}

    /**
     * Opens the session for a request that proved who the subscriber is (a link, a code), under a
     * new HTTP session id: an id planted in the browser beforehand opens nothing.
     */
    public static void open(HttpServletRequest request, String host, String token) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(ATTRIBUTE, new PortalSession(host, token));
    }

    /**
     * The session opened on the host this request arrived on, if any: a session is never used on
     * another host.
     */
    public static Optional<PortalSession> find(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null
                ? Optional.empty()
                : CurrentHost.of(request).flatMap(host -> held(session.getAttribute(ATTRIBUTE), host));
    }

    /** {@link #find(HttpServletRequest)}, for a page that needs the session. */
    public static PortalSession require(HttpServletRequest request) {
        return find(request).orElseThrow(SessionEndedException::new);
    }

    public static void forget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    /** {@link #find(HttpServletRequest)} from a Vaadin view, on the host it was opened on. */
    public static Optional<PortalSession> find(String host) {
        WrappedSession session = current();
        return held(session == null ? null : session.getAttribute(ATTRIBUTE), host);
    }

    public static PortalSession require(Optional<String> host) {
        return host.flatMap(Sessions::find).orElseThrow(SessionEndedException::new);
    }

    /** {@link #forget(HttpServletRequest)} from a Vaadin view. */
    public static void forget() {
        WrappedSession session = current();
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    private static WrappedSession current() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? null : session.getSession();
    }

    private static Optional<PortalSession> held(Object attribute, String host) {
        return attribute instanceof PortalSession held && held.host().equals(host)
                ? Optional.of(held)
                : Optional.empty();
    }
}
