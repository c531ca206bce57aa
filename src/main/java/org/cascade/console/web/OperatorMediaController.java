package org.cascade.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.cascade.media.application.StorageMedias;
import org.cascade.platform.domain.Role;
import org.cascade.platform.web.PageController;
import org.cascade.platform.web.PageRequest;
import org.cascade.platform.web.Route;
import org.cascade.platform.web.View;

/** Storage media for the operator: search by serial, revoke a lost one, and the rollback attempts. */
@ApplicationScoped
@Route(value = {"/operator/media", "/operator/media/revoke"}, roles = Role.OPERATOR)
public class OperatorMediaController implements PageController {

    @Inject
    StorageMedias media;

    @Override
    public View get(PageRequest request) {
        String query = request.param("q").orElse("CM-");
        request.put("q", query)
                .put("found", query.length() > 16 ? List.of() : media.search(query))
                .put("rollbacks", media.recentRollbackAttempts());
        return View.template("operator/media");
    }

    @Override
    public View post(PageRequest request) {
        String serial = request.required("serial");
        media.revoke(serial, request.required("reason"));
        request.flash("operator.media.revoked", serial);
        return View.redirect("/operator/media?q=" + serial);
    }
}
