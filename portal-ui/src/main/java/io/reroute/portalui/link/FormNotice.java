package io.reroute.portalui.link;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * What a sign-in form's post has to tell the page it redirects back to ("a code is on its way", "that
 * code is not right"), kept in the HTTP session for that one page view.
 *
 * @param form which form it is about: {@link #REQUEST_LINK} or {@link #CODE}
 */
public record FormNotice(String form, String message, boolean error) {

    public static final String REQUEST_LINK = "request-link";
    public static final String CODE = "code";

    static final String EXPIRED_FORM = "This page had expired. Please try again.";
    static final String UNAVAILABLE = "We could not do that right now. Please try again in a moment.";
    static final String ENTER_ACCOUNT = "Enter the account number from your invoice or reminder.";

    private static final String ATTRIBUTE = FormNotice.class.getName();

    static void leave(HttpServletRequest request, FormNotice notice) {
        request.getSession(true).setAttribute(ATTRIBUTE, notice);
    }

    /** The notice left for this page view, once. */
    public static Optional<FormNotice> take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof FormNotice notice)) {
            return Optional.empty();
        }
        session.removeAttribute(ATTRIBUTE);
        return Optional.of(notice);
    }

    public boolean about(String form) {
        return this.form.equals(form);
    }
}
