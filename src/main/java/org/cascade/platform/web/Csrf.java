package org.cascade.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The synchroniser token against cross-site request forgery: one random token per session, sent
 * back by every state-changing form (field {@code _csrf}) and API call (header {@code X-CSRF-Token}).
 */
public final class Csrf {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final String ATTRIBUTE = "cascade.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    public static String token(HttpServletRequest request) {
        HttpSession session = request.getSession();
        String token = (String) session.getAttribute(ATTRIBUTE);
        if (token == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(ATTRIBUTE, token);
        }
        return token;
    }

    /** True when the request carries its session's token, in the form field or the header. */
    public static boolean verify(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(ATTRIBUTE) == null) {
            return false;
        }
        String sent = request.getHeader(HEADER);
        if (sent == null) {
            sent = request.getParameter(FIELD);
        }
        return sent != null && MessageDigest.isEqual(sent.getBytes(), ((String) session.getAttribute(ATTRIBUTE)).getBytes());
    }
}
