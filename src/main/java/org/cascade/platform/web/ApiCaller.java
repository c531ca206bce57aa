package org.cascade.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.Arrays;
import org.cascade.platform.domain.Role;

/** Who calls an API resource: signed in, in one of the roles the call allows (else 401 or 403). */
public final class ApiCaller {

    private ApiCaller() {
    }

    public static String require(HttpServletRequest request, Role... roles) {
        if (request.getUserPrincipal() == null) {
            throw new NotAuthorizedException("Session");
        }
        if (Arrays.stream(roles).noneMatch(r -> request.isUserInRole(r.group()))) {
            throw new ForbiddenException();
        }
        return request.getUserPrincipal().getName();
    }
}
