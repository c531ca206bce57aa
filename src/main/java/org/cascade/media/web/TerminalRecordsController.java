package org.cascade.media.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/** The terminal's records: balance, FIG. 12A accounting records and FIG. 12B history, newest first, paged. */
@ApplicationScoped
@Route(value = "/terminal/records", roles = Role.TERMINAL)
public class TerminalRecordsController implements PageController {

    static final int PAGE_SIZE = 10;

    @Inject
    StorageMedias media;

    @Override
    public View get(PageRequest request) {
        String serial = request.username().orElseThrow();
        request.put("serial", serial)
                .put("balance", media.balance(serial))
                .put("accounting", media.accountingRecords(serial, pageParam(request, "apage"), PAGE_SIZE))
                .put("history", media.history(serial, pageParam(request, "hpage"), PAGE_SIZE));
        return View.template("terminal/records");
    }

    private static int pageParam(PageRequest request, String name) {
        return (int) request.param(name).map(p -> request.requiredLong(name, 0, 100_000)).orElse(0L).longValue();
    }
}
