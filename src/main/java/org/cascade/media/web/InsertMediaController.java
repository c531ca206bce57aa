package org.cascade.media.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/**
 * "Insert media" (FIG. 13 S701–S702): the page takes the media kept in this browser, a media
 * file or a one-time code, and signs in through the terminal API with the media's password.
 */
@ApplicationScoped
@Route("/terminal")
public class InsertMediaController implements PageController {

    @Override
    public View get(PageRequest request) {
        if (request.inRole(Role.TERMINAL)) {
            return View.redirect("/terminal/home");
        }
        return View.template("terminal/insert");
    }
}
