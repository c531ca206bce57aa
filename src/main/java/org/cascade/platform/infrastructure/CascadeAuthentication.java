package org.cascade.platform.infrastructure;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Set;

/**
 * The one authentication mechanism of the center. Pages and the JSON API sign people in by
 * calling {@code SecurityContext.authenticate} with a credential: a user name and password for
 * staff, or an inserted storage media for terminal users (validated by the media context's
 * identity store). Requests without a credential pass through unauthenticated; the front
 * controller and the REST resources decide what each role may see.
 *
 * <p>The signed-in caller lives in the HTTP session and nowhere else, so a session stays signed
 * in exactly as long as it lives. The container's own "auto apply session" is not used on
 * purpose: it keeps callers behind a single-sign-on cookie in a server-wide authentication cache
 * of bounded size and age, and a caller whose entry fell out of that cache (after 25,000 other
 * sign-ins or ten idle minutes) lost a session that was still valid.
 */
@ApplicationScoped
@DeclareRoles({"operator", "clerk", "holder", "terminal"})
public class CascadeAuthentication implements HttpAuthenticationMechanism {

    /** The session attribute that holds the signed-in caller. */
    static final String CALLER = CascadeAuthentication.class.getName() + ".caller";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential == null) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(CALLER) instanceof SignedInCaller caller) {
                return context.notifyContainerAboutLogin(caller.name(), caller.groups());
            }
            return context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignedInCaller caller = new SignedInCaller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups()));
        request.getSession(true).setAttribute(CALLER, caller);
        return context.notifyContainerAboutLogin(caller.name(), caller.groups());
    }

    /** Who signed in on this session and with which roles. */
    record SignedInCaller(String name, Set<String> groups) implements Serializable {
    }
}
