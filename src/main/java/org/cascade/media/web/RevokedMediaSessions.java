package org.cascade.media.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.cascade.media.application.StorageMedias;
import org.cascade.media.domain.MediaRefusal;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.FrontController;
import org.cascade.platform.web.Languages;
import org.cascade.platform.web.Messages;

/**
 * A session signed in with a media that was revoked since ends at its next request, whatever it
 * asks (a page, the API, a channel): the terminal is signed out, and told why. A page leads to
 * the insertion page, which shows the reason once; any other request is refused with 403 and the
 * reason in JSON ({@code reason} {@code media.refused.revoked}), and the pages' scripts then go
 * to the insertion page too. Declared in web.xml, whose filters come before those declared by
 * annotation (the front controller), so that no page of a revoked media renders.
 */
public class RevokedMediaSessions extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    StorageMedias media;

    @Inject
    Messages messages;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null || !request.isUserInRole(Role.TERMINAL.group())
                || media.isUsable(request.getUserPrincipal().getName())) {
            chain.doFilter(request, response);
            return;
        }
        String text = messages.text(Languages.of(request), "media.session.revoked");
        try {
            request.logout();
        } catch (ServletException e) {
            // The session is invalidated below all the same.
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        request.getSession(true).setAttribute(FrontController.FLASH, text);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        if (!path.startsWith("/api/") && accept != null && accept.contains("text/html")) {
            response.sendRedirect(request.getContextPath() + "/terminal");
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Json.createObjectBuilder().add("message", text)
                .add("reason", MediaRefusal.REVOKED.messageKey()).build().toString());
    }
}
