package org.cascade.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import org.cascade.platform.application.StaffAccounts;
import org.cascade.platform.domain.StaffAccount;

/** Staff sign-in: operator, store clerks and contents holders. */
@ApplicationScoped
@Route("/signin")
public class SignInController implements PageController {

    @Inject
    SecurityContext security;

    @Inject
    StaffAccounts staff;

    @Override
    public View get(PageRequest request) {
        request.param("username").ifPresent(u -> request.put("username", u));
        return View.template("signin");
    }

    @Override
    public View post(PageRequest request) {
        String username = request.param("username").orElse("");
        String password = request.servletRequest().getParameter("password");
        if (username.isEmpty() || password == null || password.isEmpty() || username.length() > 32 || password.length() > 200) {
            request.error(request.text("signin.failed"));
            return new View.Template("signin", 401);
        }
        HttpServletRequest http = request.servletRequest();
        AuthenticationStatus status = security.authenticate(http, request.servletResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username, password)));
        if (status != AuthenticationStatus.SUCCESS) {
            request.put("username", username);
            request.error(request.text("signin.failed"));
            return new View.Template("signin", 401);
        }
        http.changeSessionId();
        StaffAccount account = staff.find(username).orElseThrow();
        if (account.passwordChangeRequired()) {
            http.getSession().setAttribute(FrontController.PASSWORD_CHANGE_REQUIRED, Boolean.TRUE);
            return View.redirect(FrontController.CHANGE_PASSWORD_PATH);
        }
        return View.redirect(request.param("next").filter(n -> n.startsWith("/") && !n.startsWith("//")).orElse("/"));
    }
}
