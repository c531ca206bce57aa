package org.cascade.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.cascade.platform.domain.Role;

/** The entrance: people who are signed in go to their own home; others choose how to come in. */
@ApplicationScoped
@Route("/")
public class HomeController implements PageController {

    @Override
    public View get(PageRequest request) {
        if (request.inRole(Role.OPERATOR)) {
            return View.redirect("/operator");
        }
        if (request.inRole(Role.CLERK)) {
            return View.redirect("/store");
        }
        if (request.inRole(Role.HOLDER)) {
            return View.redirect("/holder");
        }
        if (request.inRole(Role.TERMINAL)) {
            return View.redirect("/terminal/home");
        }
        return View.template("home");
    }
}
