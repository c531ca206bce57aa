package org.cascade.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API: the same use cases as the pages, under {@code /api}, in the session of the signed-in caller. */
@ApplicationPath("/api")
public class CascadeApi extends Application {
}
