package org.cascade.swarm.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/**
 * The terminal's library: the contents this browser keeps, played and shared from IndexedDB by
 * the page's script; the page itself carries only the media's serial and balance.
 */
@ApplicationScoped
@Route(value = "/terminal/library", roles = Role.TERMINAL)
public class LibraryController implements PageController {

    @Inject
    StorageMedias media;

    @Override
    public View get(PageRequest request) {
        String serial = request.username().orElseThrow();
        request.put("serial", serial).put("balance", media.balance(serial));
        return View.template("terminal/library");
    }
}
