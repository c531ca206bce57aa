package org.cascade.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpSession;

/** Ends the session of whoever is signed in (staff or terminal). POST only: a link cannot sign anyone out. */
@ApplicationScoped
@Route("/signout")
public class SignOutController implements PageController {

    @Override
    public View get(PageRequest request) {
        return View.redirect("/");
    }

    @Override
    public View post(PageRequest request) {
        try {
            request.servletRequest().logout();
        } catch (ServletException e) {
            // The session is invalidated below all the same.
        }
        HttpSession session = request.servletRequest().getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return View.redirect("/");
    }
}
