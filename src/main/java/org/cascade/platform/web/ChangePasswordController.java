package org.cascade.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cascade.platform.application.StaffAccounts;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;

/** A staff member chooses a new password; forced at the first sign-in with a handed-out one. */
@ApplicationScoped
@Route(value = FrontController.CHANGE_PASSWORD_PATH, roles = {Role.OPERATOR, Role.CLERK, Role.HOLDER})
public class ChangePasswordController implements PageController {

    @Inject
    StaffAccounts staff;

    @Override
    public View get(PageRequest request) {
        request.put("forced", Boolean.TRUE.equals(
                request.servletRequest().getSession().getAttribute(FrontController.PASSWORD_CHANGE_REQUIRED)));
        return View.template("password");
    }

    @Override
    public View post(PageRequest request) {
        String current = request.servletRequest().getParameter("current");
        String chosen = request.servletRequest().getParameter("chosen");
        String repeated = request.servletRequest().getParameter("repeated");
        if (current == null || chosen == null || !chosen.equals(repeated)) {
            throw new RuleViolation("staff.password.mismatch");
        }
        staff.changePassword(request.username().orElseThrow(), current.toCharArray(), chosen.toCharArray());
        request.servletRequest().getSession().removeAttribute(FrontController.PASSWORD_CHANGE_REQUIRED);
        request.flash("staff.password.changed");
        return View.redirect("/");
    }
}
