package org.cascade.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Every state-changing API call must carry the session's CSRF token in {@code X-CSRF-Token}
 * (a page has it in its {@code csrf-token} meta tag; a program gets it from {@code GET /api/session})
 * and a body no larger than the API ever needs. Answers are never cached.
 */
@Provider
public class ApiGuard implements ContainerRequestFilter, ContainerResponseFilter {

    /** The largest JSON request body: a media file (32 KiB) with room for the rest of its JSON. */
    public static final int MAX_BODY = 64 * 1024;

    private static final java.util.regex.Pattern LIVE_SEGMENT = java.util.regex.Pattern.compile("live/events/[^/]+/segments/[^/]+/[0-9]+");

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        var session = request.getSession(false);
        String path = context.getUriInfo().getPath().replaceFirst("^/", "");
        if (session != null && Boolean.TRUE.equals(session.getAttribute(FrontController.PASSWORD_CHANGE_REQUIRED))
                && !path.startsWith("session")) {
            context.abortWith(ApiErrors.error(Response.Status.FORBIDDEN, "password.forced", request));
            return;
        }
        String method = context.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return;
        }
        // Uploads and live segments bound themselves; everything else is small JSON.
        if (context.getLength() > MAX_BODY && !path.startsWith("uploads/") && !LIVE_SEGMENT.matcher(path).matches()) {
            context.abortWith(ApiErrors.error(Response.Status.REQUEST_ENTITY_TOO_LARGE, "api.tooLarge", request));
            return;
        }
        if (!Csrf.verify(request)) {
            context.abortWith(ApiErrors.error(Response.Status.FORBIDDEN, "api.csrf", request));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    }
}
