package org.cascade.catalog.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/** The contents holder's home; registering contents comes with the catalog. */
@ApplicationScoped
@Route(value = "/holder", roles = Role.HOLDER)
public class HolderHomeController implements PageController {

    @Override
    public View get(PageRequest request) {
        return View.template("holder/home");
    }
}
