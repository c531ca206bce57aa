package org.cascade.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cascade.platform.application.StaffAccounts;
import org.cascade.platform.domain.Role;

/** The API's session: who is signed in and the CSRF token (GET), staff sign-in (POST), sign-out (DELETE). */
@Path("session")
@RequestScoped
@JsonApi
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionApi {

    public record StaffSignIn(@NotBlank @Size(max = 32) String username, @NotNull @Size(min = 1, max = 200) String password) {
    }

    @Inject
    SecurityContext security;

    @Inject
    StaffAccounts staff;

    @Inject
    Messages messages;

    @Inject
    ApiInput input;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    public Map<String, Object> current() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("csrfToken", Csrf.token(request));
        if (request.getUserPrincipal() != null) {
            out.put("user", request.getUserPrincipal().getName());
            for (Role role : Role.values()) {
                if (request.isUserInRole(role.group())) {
                    out.put("role", role.group());
                }
            }
        }
        return out;
    }

    @POST
    public Response signIn(StaffSignIn body) {
        input.valid(body);
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .newAuthentication(true).credential(new UsernamePasswordCredential(body.username(), body.password())));
        if (status != AuthenticationStatus.SUCCESS) {
            return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("message", messages.text(Languages.of(request), "signin.failed"))).build();
        }
        request.changeSessionId();
        if (staff.find(body.username()).orElseThrow().passwordChangeRequired()) {
            request.getSession().setAttribute(FrontController.PASSWORD_CHANGE_REQUIRED, Boolean.TRUE);
        }
        return Response.ok(current()).build();
    }

    public record PasswordChange(@NotNull @Size(max = 200) String current, @NotNull @Size(max = 200) String chosen) {
    }

    @POST
    @Path("password")
    public Response changePassword(PasswordChange body) {
        input.valid(body);
        if (request.getUserPrincipal() == null || request.isUserInRole(Role.TERMINAL.group())) {
            return ApiErrors.error(Response.Status.UNAUTHORIZED, "api.unauthenticated", request);
        }
        staff.changePassword(request.getUserPrincipal().getName(), body.current().toCharArray(), body.chosen().toCharArray());
        request.getSession().removeAttribute(FrontController.PASSWORD_CHANGE_REQUIRED);
        return Response.noContent().build();
    }

    @DELETE
    public Response signOut() throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }
}
