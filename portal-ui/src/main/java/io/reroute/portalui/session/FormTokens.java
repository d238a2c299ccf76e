package io.reroute.portalui.session;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The token every form of the server-rendered pages carries, one per HTTP session: a post from a page
 * another site made carries none and changes nothing (with the session cookie's SameSite=Lax, a
 * second guard).
 */
public final class FormTokens {

    /** The hidden field's name. */
    public static final String FIELD = "form-token";

    private static final String ATTRIBUTE = FormTokens.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private FormTokens() {}

    /** This browser session's token, made (with the HTTP session) on first use. */
    public static String of(HttpServletRequest request) {
        var session = request.getSession(true);
        if (session.getAttribute(ATTRIBUTE) instanceof String token) {
            return token;
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(ATTRIBUTE, token);
        return token;
    }

    public static boolean valid(HttpServletRequest request, String submitted) {
        var session = request.getSession(false);
        if (session == null || submitted == null || !(session.getAttribute(ATTRIBUTE) instanceof String token)) {
            return false;
        }
        return MessageDigest.isEqual(
                token.getBytes(StandardCharsets.US_ASCII), submitted.getBytes(StandardCharsets.US_ASCII));
    }
}
