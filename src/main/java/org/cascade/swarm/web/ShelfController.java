package org.cascade.swarm.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;
import org.cascade.catalog.domain.Genre;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.domain.Role;
import org.cascade.platform.domain.RuleViolation;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/**
 * A visit to another terminal's shelf (FIG. 13–15): the page carries whose shelf it is and the
 * visitor's balance; its script asks that terminal, through the center, for the contents list it
 * arranges for the visitor, and receives from it what the visitor chooses.
 */
@ApplicationScoped
@Route(value = "/terminal/shelf", roles = Role.TERMINAL)
public class ShelfController implements PageController {

    @Inject
    StorageMedias media;

    @Override
    public View get(PageRequest request) {
        String serial = request.username().orElseThrow();
        String of = request.param("of").map(s -> s.toUpperCase(Locale.ROOT))
                .filter(s -> StorageMedias.SERIAL.matcher(s).matches())
                .orElseThrow(() -> new RuleViolation("shelf.of.invalid"));
        request.put("of", of).put("balance", media.balance(serial))
                .put("genres", Arrays.stream(Genre.values()).map(Genre::name).toList());
        return View.template("terminal/shelf");
    }
}
