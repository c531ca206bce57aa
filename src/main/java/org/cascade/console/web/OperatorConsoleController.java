package org.cascade.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;
import org.cascade.swarm.application.Distribution;

/**
 * The operator's charts (bytes by path, money over time, drawn in the browser from
 * {@link ConsoleChartsApi}) and the abuse view: rollback attempts, distributors cut off and
 * history mismatches in one place.
 */
@ApplicationScoped
@Route(value = {"/operator/charts", "/operator/abuse"}, roles = Role.OPERATOR)
public class OperatorConsoleController implements PageController {

    @Inject
    StorageMedias media;

    @Inject
    Distribution distribution;

    @Override
    public View get(PageRequest request) {
        if (request.path().equals("/operator/charts")) {
            return View.template("operator/charts");
        }
        request.put("rollbacks", media.recentRollbackAttempts()).put("cutOff", distribution.cutOff())
                .put("mismatches", distribution.mismatchedLinks());
        return View.template("operator/abuse");
    }
}
