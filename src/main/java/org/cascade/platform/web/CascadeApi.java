package org.cascade.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The JSON API: the same use cases as the pages, under {@code /api}, in the session of the signed-in caller.
 * Its OpenAPI document is generated from the resources at {@code /openapi}; the pages are not part of it.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Cascade", version = "1",
        description = "The distribution center's JSON API: the same use cases as its pages, in the caller's session. "
                + "Sign in with POST /api/session; every call that changes something needs the session's X-CSRF-Token "
                + "header (from GET /api/session). Errors come back as {\"message\", \"reason\"} in the caller's "
                + "Accept-Language."))
public class CascadeApi extends Application {
}
